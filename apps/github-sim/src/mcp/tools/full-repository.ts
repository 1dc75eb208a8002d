/** A go-github `Repository` (subset, struct order) for `search_repositories` with minimal_output=false. */
import type { RepoState } from '../../store/repo-state.js';
import type { SimStore } from '../../store/store.js';
import { API_BASE } from '../upstream-errors.js';
import { WEB_BASE } from '../minimal.js';

export function fullRepository(
  store: SimStore,
  state: RepoState,
  openIssues: number,
): Record<string, unknown> {
  const r = state.repo;
  const owner = store.ensureUser(r.owner);
  const api = `${API_BASE}/repos/${r.full_name}`;
  const out: Record<string, unknown> = {
    id: r.id,
    node_id: r.node_id,
    owner: {
      login: owner.login,
      id: owner.id,
      node_id: owner.node_id,
      avatar_url: `https://avatars.githubusercontent.com/u/${owner.id}?v=4`,
      html_url: `${WEB_BASE}/${owner.login}`,
      gravatar_id: '',
      type: owner.type,
      site_admin: false,
      url: `${API_BASE}/users/${owner.login}`,
    },
    name: r.name,
    full_name: r.full_name,
  };
  if (r.description) out['description'] = r.description;
  Object.assign(out, {
    default_branch: r.default_branch,
    created_at: r.created_at,
    pushed_at: r.pushed_at,
    updated_at: r.updated_at,
    html_url: `${WEB_BASE}/${r.full_name}`,
    clone_url: `${WEB_BASE}/${r.full_name}.git`,
    git_url: `git://github.com/${r.full_name}.git`,
    ssh_url: `git@github.com:${r.full_name}.git`,
    svn_url: `${WEB_BASE}/${r.full_name}`,
    language: r.language,
    fork: false,
    forks_count: 0,
    open_issues_count: openIssues,
    stargazers_count: 0,
    watchers_count: 0,
    size: 1024,
    topics: r.topics,
    archived: false,
    disabled: false,
    private: r.private,
    has_issues: true,
    has_wiki: true,
    has_pages: false,
    has_projects: true,
    has_downloads: true,
    has_discussions: false,
    is_template: false,
    url: api,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    visibility: r.private ? 'private' : 'public',
  });
  return out;
}
