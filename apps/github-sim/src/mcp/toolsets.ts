/** Toolsets of the implemented tools and the `X-MCP-Toolsets` header's selection. */
const TOOLSET_OF: Readonly<Record<string, string>> = {
  get_me: 'context',
  add_issue_comment: 'issues',
  issue_read: 'issues',
  issue_write: 'issues',
  list_issues: 'issues',
  search_issues: 'issues',
  update_issue_comment: 'issues',
  list_pull_requests: 'pull_requests',
  pull_request_read: 'pull_requests',
  search_repositories: 'repos',
};

const DEFAULT_TOOLSETS = ['context', 'repos', 'issues', 'pull_requests', 'users', 'copilot'];

/**
 * The toolsets an `X-MCP-Toolsets` header selects; undefined without the header (every tool). Ids are
 * comma-separated, `default` and `all` are keywords, unknown ids are ignored.
 */
export function selectedToolsets(header: string | undefined): ReadonlySet<string> | 'all' | undefined {
  if (header === undefined) return undefined;
  const ids = header
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  if (ids.includes('all')) return 'all';
  return new Set(ids.flatMap((id) => (id === 'default' ? DEFAULT_TOOLSETS : [id])));
}

export function toolSelected(name: string, selection: ReadonlySet<string> | 'all' | undefined): boolean {
  if (selection === undefined || selection === 'all') return true;
  const toolset = TOOLSET_OF[name];
  return toolset !== undefined && selection.has(toolset);
}
