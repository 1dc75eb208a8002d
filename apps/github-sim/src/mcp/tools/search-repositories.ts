/** `search_repositories`: REST GET /search/repositories, minimal output by default. */
import type { RepoState } from '../../store/repo-state.js';
import { goQueryString } from '../../util/go-format.js';
import { WEB_BASE, put } from '../minimal.js';
import { optionalBool, optionalPagination, optionalString, requiredString } from '../params.js';
import { errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import { friendlyRestMessage, restFailure } from '../upstream-errors.js';
import { fullRepository } from './full-repository.js';
import { matchesRepoQuery, parseRepoQuery } from './search-query.js';
import type { ToolCall } from './types.js';

const CANNOT_SEARCH =
  'The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.';

function openIssues(state: RepoState): number {
  let n = 0;
  for (const issue of state.items.values()) if (issue.state === 'open') n++;
  return n;
}

function minimalRepo(state: RepoState): Record<string, unknown> {
  const r = state.repo;
  const m: Record<string, unknown> = { id: r.id, name: r.name, full_name: r.full_name };
  put(m, 'description', r.description);
  m['html_url'] = `${WEB_BASE}/${r.full_name}`;
  put(m, 'language', r.language);
  m['stargazers_count'] = 0;
  m['forks_count'] = 0;
  m['open_issues_count'] = openIssues(state);
  put(m, 'updated_at', r.updated_at);
  put(m, 'created_at', r.created_at);
  put(m, 'topics', r.topics);
  m['private'] = r.private;
  m['fork'] = false;
  m['archived'] = false;
  put(m, 'default_branch', r.default_branch);
  return m;
}

export function searchRepositories({ args, up, store }: ToolCall): ToolResult {
  const query = requiredString(args, 'query');
  const sort = optionalString(args, 'sort');
  const order = optionalString(args, 'order');
  const pagination = optionalPagination(args);
  const minimal = optionalBool(args, 'minimal_output', true);
  const prefix = `failed to search repositories with query '${query}'`;
  const qs = goQueryString({ order, page: pagination.page, per_page: pagination.perPage, q: query, sort });
  const path = `/search/repositories${qs}`;
  const failure = up.rest('GET', path);
  if (failure) return errorResult(friendlyRestMessage(prefix, failure));

  const parsed = parseRepoQuery(query);
  const visible = store.allRepos().filter((state) => store.canRead(up.user, state));
  const unknownRepo = parsed.repos.some(
    (name) => !visible.some((s) => s.repo.full_name.toLowerCase() === name),
  );
  const unknownOwner = parsed.owners.some((login) => store.findUser(login) === undefined);
  if (unknownRepo || unknownOwner) {
    const detail = { resource: 'Search', field: 'q', code: 'invalid', message: CANNOT_SEARCH };
    return errorResult(
      friendlyRestMessage(prefix, restFailure('GET', path, 422, 'Validation Failed', [detail])),
    );
  }
  const hits = visible.filter((state) => matchesRepoQuery(state, parsed));
  const desc = order !== 'asc';
  hits.sort((a, b) => {
    if (sort === 'updated') {
      const cmp = a.repo.updated_at < b.repo.updated_at ? -1 : a.repo.updated_at > b.repo.updated_at ? 1 : 0;
      if (cmp !== 0) return desc ? -cmp : cmp;
    }
    return a.repo.full_name.toLowerCase() < b.repo.full_name.toLowerCase() ? -1 : 1;
  });
  const perPage = pagination.perPage > 0 ? Math.min(pagination.perPage, 100) : 30;
  const page = pagination.page > 0 ? pagination.page : 1;
  const items = hits.slice((page - 1) * perPage, page * perPage);
  if (!minimal) {
    const repos = items.map((state) => fullRepository(store, state, openIssues(state)));
    return jsonResult({ total_count: hits.length, incomplete_results: false, items: repos });
  }
  return jsonResult({ total_count: hits.length, incomplete_results: false, items: items.map(minimalRepo) });
}
