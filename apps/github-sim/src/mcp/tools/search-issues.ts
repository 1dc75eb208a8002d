/**
 * `search_issues`: REST GET /search/issues on the search rate bucket, answered from the search index
 * (which may trail the truth), at most the first `maxResults` results per query, then the field-values GQL.
 */
import type { RepoState } from '../../store/repo-state.js';
import type { SimIssue } from '../../store/types.js';
import { goQueryString } from '../../util/go-format.js';
import { sortedKeys } from '../../util/go-json.js';
import { issueObject } from '../../webhooks/payloads/issue.js';
import { optionalPagination, optionalString, optionalStringArray, requiredString } from '../params.js';
import { errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import { graphqlErrorString, restErrorString, restFailure } from '../upstream-errors.js';
import type { Upstream } from '../upstream.js';
import { type IssueQuery, matchesIssueQuery, parseIssueQuery } from './issue-search-query.js';
import type { ToolCall } from './types.js';

const PREFIX = 'failed to search issues';
const CANNOT_SEARCH =
  'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.';

/** go-github `Issue` fields, the only keys an item can carry (null and empty ones are dropped). */
const ISSUE_KEYS = new Set([
  'id', 'number', 'state', 'state_reason', 'locked', 'title', 'body', 'author_association', 'user', 'labels',
  'assignee', 'comments', 'closed_at', 'created_at', 'updated_at', 'closed_by', 'url', 'html_url',
  'comments_url', 'events_url', 'labels_url', 'repository_url', 'parent_issue_url', 'milestone',
  'pull_request', 'repository', 'reactions', 'assignees', 'node_id', 'draft', 'type', 'sub_issues_summary',
  'active_lock_reason',
]); // prettier-ignore

/** The query as the server sends it: `is:issue` and the `repo:` of owner/repo prepended when missing. */
export function rewriteQuery(query: string, owner: string, repo: string): string {
  let q = /(^|\s)is:issue(\s|$)/.test(query) ? query : `is:issue ${query}`;
  if (owner !== '' && repo !== '' && !/(^|\s)repo:/.test(q)) q = `repo:${owner}/${repo} ${q}`;
  return q;
}

function searchItem(call: ToolCall, state: RepoState, issue: SimIssue): Record<string, unknown> {
  const full = issueObject(call.store, state, issue);
  const item: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(full)) {
    if (!ISSUE_KEYS.has(key) || value === null || (Array.isArray(value) && value.length === 0)) continue;
    item[key] = value;
  }
  item['title'] = call.up.text.title(issue.title);
  if (issue.body !== '') item['body'] = call.up.text.body(issue.body);
  item['field_values'] = [];
  return sortedKeys(item);
}

function compareHits(sort: string, desc: boolean) {
  return (a: SimIssue, b: SimIssue): number => {
    let cmp = 0;
    if (sort === 'updated') cmp = a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : 0;
    else if (sort === 'created') cmp = a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0;
    else if (sort === 'comments') cmp = a.comments - b.comments;
    return (desc ? -cmp : cmp) || (desc ? b.number - a.number : a.number - b.number);
  };
}

function searchedRepos(up: Upstream, call: ToolCall, q: IssueQuery): RepoState[] | undefined {
  const visible = call.store.allRepos().filter((s) => call.store.canRead(up.user, s));
  const named = q.repos.map((name) => visible.find((s) => s.fullName.toLowerCase() === name));
  if (named.some((s) => s === undefined)) return undefined;
  if (q.owners.some((login) => call.store.findUser(login) === undefined)) return undefined;
  const repos = named.length > 0 ? (named as RepoState[]) : visible;
  return q.owners.length === 0 ? repos : repos.filter((s) => q.owners.includes(s.repo.owner.toLowerCase()));
}

export function searchIssues(call: ToolCall): ToolResult {
  const { args, up, store } = call;
  const query = requiredString(args, 'query');
  const owner = optionalString(args, 'owner');
  const repo = optionalString(args, 'repo');
  const sort = optionalString(args, 'sort');
  const order = optionalString(args, 'order');
  const fields = optionalStringArray(args, 'fields');
  const { page, perPage } = optionalPagination(args);
  const q = rewriteQuery(query, owner, repo);
  const path = `/search/issues${goQueryString({ order, page, per_page: perPage, q, search_type: 'semantic', sort })}`;
  const failure = up.rest('GET', path);
  if (failure) return errorResult(`${PREFIX}: ${restErrorString(failure)}`);
  const settings = store.search.current;
  const resetIn = store.search.bucket.take(up.user.id, settings.perMinute);
  if (resetIn !== undefined) {
    const limited = restFailure('GET', path, 403, `API rate limit exceeded for user ID ${up.user.id}.`);
    return errorResult(`${PREFIX}: ${restErrorString({ ...limited, rateLimitResetIn: resetIn })}`);
  }
  const parsed = parseIssueQuery(q);
  const repos = searchedRepos(up, call, parsed);
  if (!repos) {
    const detail = { resource: 'Search', field: 'q', code: 'invalid', message: CANNOT_SEARCH };
    return errorResult(
      `${PREFIX}: ${restErrorString(restFailure('GET', path, 422, 'Validation Failed', [detail]))}`,
    );
  }
  const size = perPage > 0 ? Math.min(perPage, 100) : 30;
  const first = (Math.max(page, 1) - 1) * size;
  if (first >= settings.maxResults) {
    const message = `Only the first ${settings.maxResults} search results are available`;
    return errorResult(`${PREFIX}: ${restErrorString(restFailure('GET', path, 422, message))}`);
  }
  const hits: { state: RepoState; issue: SimIssue }[] = [];
  for (const state of repos) {
    for (const issue of store.search.items(state)) {
      const milestone = state.milestones.find((m) => m.number === issue.milestone)?.title ?? null;
      if (matchesIssueQuery(issue, parsed, milestone)) hits.push({ state, issue });
    }
  }
  const byIssue = compareHits(sort, order !== 'asc');
  hits.sort((a, b) => byIssue(a.issue, b.issue));
  const pageHits = hits.slice(first, Math.min(first + size, settings.maxResults));
  if (pageHits.length > 0) {
    const gql = up.graphql();
    if (gql) return errorResult(`${PREFIX}: failed to fetch issue field values: ${graphqlErrorString(gql)}`);
  }
  const items = pageHits.map((hit) => searchItem(call, hit.state, hit.issue));
  if (fields.length === 0) return jsonResult({ total_count: hits.length, incomplete_results: false, items });
  const picked = items.map((item) => {
    const out: Record<string, unknown> = {};
    for (const f of fields) if (f in item) out[f] = item[f];
    return sortedKeys(out);
  });
  return jsonResult({ incomplete_results: false, items: picked, total_count: hits.length });
}
