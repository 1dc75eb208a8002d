/** `list_pull_requests`: REST GET /repos/{o}/{r}/pulls with the list-endpoint quirks. */
import { goQueryString } from '../../util/go-format.js';
import { sortedKeys } from '../../util/go-json.js';
import type { SimIssue } from '../../store/types.js';
import { minimalPull } from '../minimal-pull.js';
import { optionalPagination, optionalString, optionalStringArray, requiredString } from '../params.js';
import { errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import { friendlyRestMessage, restFailure } from '../upstream-errors.js';
import type { ToolCall } from './types.js';

function sortValue(pr: SimIssue, sort: string): string | number {
  if (sort === 'updated') return pr.updated_at;
  if (sort === 'popularity') return pr.comments;
  return pr.created_at;
}

export function listPullRequests({ args, up, store }: ToolCall): ToolResult {
  const owner = requiredString(args, 'owner');
  const repo = requiredString(args, 'repo');
  const state = optionalString(args, 'state');
  const head = optionalString(args, 'head');
  const base = optionalString(args, 'base');
  const sort = optionalString(args, 'sort');
  const direction = optionalString(args, 'direction');
  const fields = optionalStringArray(args, 'fields');
  const p = optionalPagination(args);
  const qs = goQueryString({ base, direction, head, page: p.page, per_page: p.perPage, sort, state });
  const path = `/repos/${owner}/${repo}/pulls${qs}`;
  const prefix = 'failed to list pull requests';
  const failure = up.rest('GET', path);
  if (failure) return errorResult(friendlyRestMessage(prefix, failure));
  const repoState = up.visibleRepo(owner, repo);
  if (!repoState) return errorResult(friendlyRestMessage(prefix, restFailure('GET', path, 404, 'Not Found')));

  const wanted = state === 'closed' || state === 'all' ? state : 'open';
  const colon = head.indexOf(':');
  const headOwner = colon >= 0 ? head.slice(0, colon).toLowerCase() : '';
  const headRef = colon >= 0 ? head.slice(colon + 1) : head;
  const effectiveSort = ['created', 'updated', 'popularity', 'long-running'].includes(sort)
    ? sort
    : 'created';
  const desc = direction === 'desc' || (direction !== 'asc' && effectiveSort === 'created');
  const prs = repoState.pulls().filter((pr) => {
    const pull = pr.pull;
    if (!pull) return false;
    if (wanted !== 'all' && pr.state !== wanted) return false;
    if (base !== '' && pull.base_ref !== base) return false;
    if (
      head !== '' &&
      (pull.head_ref !== headRef ||
        (headOwner !== '' && !pull.head_repo.toLowerCase().startsWith(`${headOwner}/`)))
    ) {
      return false;
    }
    return true;
  });
  prs.sort((a, b) => {
    const x = sortValue(a, effectiveSort);
    const y = sortValue(b, effectiveSort);
    const cmp = (x < y ? -1 : x > y ? 1 : 0) || a.number - b.number;
    return desc ? -cmp : cmp;
  });
  const perPage = p.perPage > 0 ? Math.min(p.perPage, 100) : 30;
  const page = p.page > 0 ? p.page : 1;
  const items = prs
    .slice((page - 1) * perPage, page * perPage)
    .map((pr) => minimalPull(store, repoState, pr, pr.pull as NonNullable<SimIssue['pull']>, true, up.text));
  if (fields.length > 0) {
    return jsonResult(
      items.map((item) => {
        const out: Record<string, unknown> = {};
        for (const f of fields) if (f in item) out[f] = item[f];
        return sortedKeys(out);
      }),
    );
  }
  return jsonResult(items);
}
