import { PAGINATION_PROPERTIES } from './properties.js';
import type { ToolSnap } from './types.js';

/** Verbatim upstream snap `issue_read.snap` (github-mcp-server @64a49f34). */
export const issueReadSnap: ToolSnap = {
  annotations: {
    idempotentHint: false,
    readOnlyHint: true,
    title: 'Get issue details',
  },
  description: 'Get information about a specific issue in a GitHub repository.',
  inputSchema: {
    properties: {
      issue_number: {
        description: 'The number of the issue',
        type: 'number',
      },
      method: {
        description:
          'The read operation to perform on a single issue.\nOptions are:\n1. get - Get issue details. Also returns best-effort hierarchy flags (`has_parent`, `has_children`); `parent` and `sub_issues_summary` are optional relationship summaries, and `closed_by_pull_requests` summarizes the pull requests configured to close the issue as `total_count` plus up to 5 `references`.\n2. get_comments - Get issue comments.\n3. get_sub_issues - Get sub-issues (children) of the issue.\n4. get_parent - Get the parent issue, if this issue is a sub-issue of another.\n5. get_labels - Get labels assigned to the issue.\n',
        enum: ['get', 'get_comments', 'get_sub_issues', 'get_parent', 'get_labels'],
        type: 'string',
      },
      owner: {
        description: 'The owner of the repository',
        type: 'string',
      },
      ...PAGINATION_PROPERTIES,
      repo: {
        description: 'The name of the repository',
        type: 'string',
      },
    },
    required: ['method', 'owner', 'repo', 'issue_number'],
    type: 'object',
  },
  name: 'issue_read',
};
