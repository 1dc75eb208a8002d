/**
 * `GET /user/installations` as GitHub answers it for a user access token: the App installations the
 * user can see (own account, organizations the user belongs to, installed by the user), paginated with
 * `per_page` (≤ 100, default 30) and `page`. Installation tokens are refused (403), and so are tokens
 * that did not come from the OAuth flow (personal access tokens are not authorized to a GitHub App).
 */
import type { Request, Response } from 'express';
import { restUser } from './rest-user.js';
import type { OAuthSim, SimGitHubApp, SimInstallation } from './oauth-sim.js';

const API = 'https://api.github.com';
const DOCS =
  'https://docs.github.com/rest/apps/installations#list-app-installations-accessible-to-the-user-access-token';
const CREATED_AT = '2024-01-01T00:00:00Z';

function restError(res: Response, status: number, message: string): void {
  res.status(status).json({ message, documentation_url: DOCS, status: String(status) });
}

function pageParam(value: unknown, fallback: number, max: number): number {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : fallback;
  return Math.min(Math.max(n, 1), max);
}

function restInstallation(oauth: OAuthSim, app: SimGitHubApp, installation: SimInstallation) {
  const account = oauth.store.ensureUser(installation.account);
  const { login, id, node_id, avatar_url, url, html_url, type, site_admin } = restUser(account);
  const settings =
    type === 'Organization'
      ? `https://github.com/organizations/${login as string}/settings/installations/${installation.id}`
      : `https://github.com/settings/installations/${installation.id}`;
  return {
    id: installation.id,
    client_id: null,
    account: { login, id, node_id, avatar_url, url, html_url, type, site_admin },
    repository_selection: 'all',
    access_tokens_url: `${API}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${API}/installation/repositories`,
    html_url: settings,
    app_id: Number(app.appId),
    app_slug: `app-${app.appId}`,
    target_id: id,
    target_type: type,
    permissions: { issues: 'write', metadata: 'read', pull_requests: 'read' },
    events: ['installation', 'installation_repositories', 'issues', 'issue_comment', 'repository'],
    created_at: CREATED_AT,
    updated_at: CREATED_AT,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: installation.suspended ? CREATED_AT : null,
  };
}

export function userInstallations(oauth: OAuthSim) {
  return (req: Request, res: Response): void => {
    const token = /^(?:bearer|token)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = token ? oauth.store.userForToken(token) : undefined;
    if (!token || !user) return restError(res, 401, 'Bad credentials');
    if (token.startsWith('ghs_')) return restError(res, 403, 'Resource not accessible by integration');
    if (!oauth.scopesOf(token))
      return restError(
        res,
        403,
        'You must authenticate with an access token authorized to a GitHub App in order to list installations',
      );
    const perPage = pageParam(req.query['per_page'], 30, 100);
    const page = pageParam(req.query['page'], 1, Number.MAX_SAFE_INTEGER);
    const visible = oauth.installationsVisibleTo(user.login);
    const slice = visible.slice((page - 1) * perPage, page * perPage);
    res.json({
      total_count: visible.length,
      installations: slice.map(({ app, installation }) => restInstallation(oauth, app, installation)),
    });
  };
}
