/** `get_me`: REST GET /user → MinimalUser with details. */
import { minimalUser, put } from '../minimal.js';
import { errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import { friendlyRestMessage, restFailure } from '../upstream-errors.js';
import type { ToolCall } from './types.js';

export function getMe({ up }: ToolCall): ToolResult {
  const failure = up.rest('GET', '/user');
  if (failure) return errorResult(friendlyRestMessage('failed to get user', failure));
  // GitHub answers GET /user with 403 for installation tokens (hosted server report #1610).
  if (up.tokenType === 'app_installation') {
    const forbidden = restFailure('GET', '/user', 403, 'Resource not accessible by integration');
    return errorResult(friendlyRestMessage('failed to get user', forbidden));
  }
  const u = up.user;
  const details: Record<string, unknown> = {};
  put(details, 'name', u.name);
  put(details, 'company', u.company);
  put(details, 'blog', u.blog);
  put(details, 'location', u.location);
  put(details, 'email', u.email);
  put(details, 'hireable', u.hireable);
  put(details, 'bio', u.bio);
  put(details, 'twitter_username', u.twitter_username);
  details['public_repos'] = u.public_repos;
  details['public_gists'] = u.public_gists;
  details['followers'] = u.followers;
  details['following'] = u.following;
  details['created_at'] = u.created_at;
  details['updated_at'] = u.updated_at;
  put(details, 'private_gists', u.private_gists);
  put(details, 'total_private_repos', u.total_private_repos);
  put(details, 'owned_private_repos', u.owned_private_repos);
  return jsonResult({ ...minimalUser(u), details });
}
