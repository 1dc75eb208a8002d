import { PAGINATION_PROPERTIES } from './properties.js';
import type { ToolSnap } from './types.js';

/** Verbatim upstream snap `search_issues.snap` (github-mcp-server @64a49f34). */
export const searchIssuesSnap: ToolSnap = {
  annotations: {
    idempotentHint: false,
    readOnlyHint: true,
    title: 'Search issues',
  },
  description:
    'Search issues using natural-language semantic matching. Best for conceptual or paraphrased queries (e.g. "login fails after password reset"). Already scoped to is:issue.',
  inputSchema: {
    properties: {
      fields: {
        description:
          "Subset of fields to return for each issue result. If omitted, all fields are returned. Use this to reduce response size when you only need specific fields; omitting 'body', 'reactions', and 'labels' in particular drops the largest per-result data.",
        items: {
          enum: [
            'number',
            'title',
            'body',
            'state',
            'state_reason',
            'draft',
            'locked',
            'html_url',
            'user',
            'author_association',
            'labels',
            'assignee',
            'assignees',
            'milestone',
            'comments',
            'reactions',
            'created_at',
            'updated_at',
            'closed_at',
            'closed_by',
            'type',
            'repository_url',
            'pull_request',
            'field_values',
          ],
          type: 'string',
        },
        type: 'array',
      },
      order: {
        description: 'Sort order',
        enum: ['asc', 'desc'],
        type: 'string',
      },
      owner: {
        description:
          'Optional repository owner. If provided with repo, only issues for this repository are listed.',
        type: 'string',
      },
      ...PAGINATION_PROPERTIES,
      query: {
        description:
          'The search query, as natural language. When the user gives alternative wordings, include them as plain words rather than joining them with OR.',
        type: 'string',
      },
      repo: {
        description:
          'Optional repository name. If provided with owner, only issues for this repository are listed.',
        type: 'string',
      },
      sort: {
        description: 'Sort field by number of matches of categories, defaults to best match',
        enum: [
          'comments',
          'reactions',
          'reactions-+1',
          'reactions--1',
          'reactions-smile',
          'reactions-thinking_face',
          'reactions-heart',
          'reactions-tada',
          'interactions',
          'created',
          'updated',
        ],
        type: 'string',
      },
    },
    required: ['query'],
    type: 'object',
  },
  name: 'search_issues',
};
