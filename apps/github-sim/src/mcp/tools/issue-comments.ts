/** `GetIssueComments` (issue_read get_comments, pull_request_read get_comments): failures are JSON-RPC errors. */
import { goQueryString } from '../../util/go-format.js';
import { minimalComment } from '../minimal.js';
import type { Pagination } from '../params.js';
import { RpcError, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import type { Upstream } from '../upstream.js';
import { restErrorString, restFailure } from '../upstream-errors.js';

const PREFIX = 'failed to get issue comments';

export function getIssueComments(
  up: Upstream,
  owner: string,
  repo: string,
  issueNumber: number,
  p: Pagination,
): ToolResult {
  const path = `/repos/${owner}/${repo}/issues/${issueNumber}/comments${goQueryString({ page: p.page, per_page: p.perPage })}`;
  const failure = up.rest('GET', path);
  if (failure) throw new RpcError(`${PREFIX}: ${restErrorString(failure)}`, 0);
  const state = up.visibleRepo(owner, repo);
  if (!state || !state.items.has(issueNumber)) {
    const gone = state?.deleted.has(issueNumber) ?? false;
    const missing = gone
      ? restFailure('GET', path, 410, 'This issue was deleted')
      : restFailure('GET', path, 404, 'Not Found');
    throw new RpcError(`${PREFIX}: ${restErrorString(missing)}`, 0);
  }
  const perPage = p.perPage > 0 ? Math.min(p.perPage, 100) : 30;
  const page = p.page > 0 ? p.page : 1;
  const all = state.commentsOf(issueNumber);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  return jsonResult(slice.map((c) => minimalComment(up.store, state, c, up.text)));
}
