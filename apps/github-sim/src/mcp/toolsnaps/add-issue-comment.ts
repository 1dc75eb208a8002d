import { OWNER_PROPERTY, REPO_PROPERTY } from './properties.js';
import type { ToolSnap } from './types.js';

/** Verbatim upstream snap `add_issue_comment.snap` (github-mcp-server @64a49f34). */
export const addIssueCommentSnap: ToolSnap = {
  annotations: {
    idempotentHint: false,
    readOnlyHint: false,
    title: 'Add comment to issue or pull request',
  },
  description:
    'Add a comment and/or reaction to a specific issue or issue comment in a GitHub repository. Use this tool with pull requests as well (in this case pass pull request number as issue_number), but only if user is not asking specifically to add or react to review comments. At least one of body or reaction is required.',
  inputSchema: {
    properties: {
      body: {
        description: 'Comment content. Required unless reaction is provided.',
        minLength: 1,
        type: 'string',
      },
      comment_id: {
        description:
          'The numeric ID of the issue or pull request comment to react to. Use this for reactions to comments; omit it to react to the issue or pull request itself. Cannot be combined with body.',
        minimum: 1,
        type: 'integer',
      },
      issue_number: {
        description: 'Issue or pull request number to comment on or react to.',
        type: 'number',
      },
      owner: OWNER_PROPERTY,
      reaction: {
        description: 'Emoji reaction to add. Required unless body is provided.',
        enum: ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'rocket', 'eyes'],
        type: 'string',
      },
      repo: REPO_PROPERTY,
    },
    required: ['owner', 'repo', 'issue_number'],
    type: 'object',
  },
  name: 'add_issue_comment',
};
