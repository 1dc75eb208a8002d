import { OWNER_PROPERTY, PAGINATION_PROPERTIES, REPO_PROPERTY } from './properties.js';
import type { ToolSnap } from './types.js';

/** Verbatim upstream snap `pull_request_read.snap` (github-mcp-server @64a49f34). */
export const pullRequestReadSnap: ToolSnap = {
  annotations: {
    idempotentHint: false,
    readOnlyHint: true,
    title: 'Get details for a single pull request',
  },
  description: 'Get information on a specific pull request in GitHub repository.',
  inputSchema: {
    properties: {
      after: {
        description:
          "Cursor for pagination, used only by the get_review_comments method. Pass the endCursor from the previous page's PageInfo to fetch the next page.",
        type: 'string',
      },
      method: {
        description:
          "Action to specify what pull request data needs to be retrieved from GitHub. \nPossible options: \n 1. get - Get details of a specific pull request.\n 2. get_diff - Get the diff of a pull request.\n 3. get_status - Get combined commit status of a head commit in a pull request.\n 4. get_files - Get the list of files changed in a pull request. Use with pagination parameters to control the number of results returned.\n 5. get_commits - Get the list of commits on a pull request. Use with pagination parameters to control the number of results returned.\n 6. get_review_comments - Get review threads on a pull request. Each thread contains logically grouped review comments made on the same code location during pull request reviews. Returns threads with metadata (isResolved, isOutdated, isCollapsed) and their associated comments. Use cursor-based pagination (perPage, after) to control results.\n 7. get_reviews - Get the reviews on a pull request. When asked for review comments, use get_review_comments method. Use with pagination parameters to control the number of results returned.\n 8. get_comments - Get comments on a pull request. Use this if user doesn't specifically want review comments. Use with pagination parameters to control the number of results returned.\n 9. get_check_runs - Get check runs for the head commit of a pull request. Check runs are the individual CI/CD jobs and checks that run on the PR.\n",
        enum: [
          'get',
          'get_diff',
          'get_status',
          'get_files',
          'get_commits',
          'get_review_comments',
          'get_reviews',
          'get_comments',
          'get_check_runs',
        ],
        type: 'string',
      },
      owner: OWNER_PROPERTY,
      ...PAGINATION_PROPERTIES,
      pullNumber: {
        description: 'Pull request number',
        type: 'number',
      },
      repo: REPO_PROPERTY,
    },
    required: ['method', 'owner', 'repo', 'pullNumber'],
    type: 'object',
  },
  name: 'pull_request_read',
};
