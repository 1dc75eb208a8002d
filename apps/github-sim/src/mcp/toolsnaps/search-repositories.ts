import { PAGINATION_PROPERTIES } from './properties.js';
import type { ToolSnap } from './types.js';

/** Verbatim upstream snap `search_repositories.snap` (github-mcp-server @64a49f34). */
export const searchRepositoriesSnap: ToolSnap = {
  annotations: {
    idempotentHint: false,
    readOnlyHint: true,
    title: 'Search repositories',
  },
  description:
    'Find GitHub repositories by name, description, readme, topics, or other metadata. Perfect for discovering projects, finding examples, or locating specific repositories across GitHub.',
  inputSchema: {
    properties: {
      minimal_output: {
        default: true,
        description:
          'Return minimal repository information (default: true). When false, returns full GitHub API repository objects.',
        type: 'boolean',
      },
      order: {
        description: 'Sort order',
        enum: ['asc', 'desc'],
        type: 'string',
      },
      ...PAGINATION_PROPERTIES,
      query: {
        description:
          "Repository search query. Examples: 'machine learning in:name stars:>1000 language:python', 'topic:react', 'user:facebook'. Supports advanced search syntax for precise filtering.",
        type: 'string',
      },
      sort: {
        description: 'Sort repositories by field, defaults to best match',
        enum: ['stars', 'forks', 'help-wanted-issues', 'updated'],
        type: 'string',
      },
    },
    required: ['query'],
    type: 'object',
  },
  name: 'search_repositories',
};
