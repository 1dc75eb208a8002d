import type { NextFunction, Request, Response } from 'express';
import { hashApiToken } from '#libs/auth';
import type { AppConfig } from '#libs/config';
import type { TokenPrincipal, WorkspaceRepository } from '#libs/db';
import { publicPath } from '../http/public-url.js';
import { DASHBOARD_COOKIE, type DashboardSessions, readCookie } from './dashboard-session.js';

interface Deps {
  config: AppConfig;
  workspaces: Pick<WorkspaceRepository, 'findPrincipalByTokenHash'>;
  sessions: DashboardSessions;
  /** Where the dashboard is mounted, e.g. `/admin/queues`. */
  mountPath: string;
}

type Verdict = { ok: true; principal: TokenPrincipal } | { ok: false; status: 401 | 403; message: string };

const HOW =
  'open /admin/queues?token=<admin API token> in a browser, or send Authorization: Bearer <admin API token>';

const CLOSED =
  'the queue dashboard is closed: set QUEUE_DASHBOARD_WORKSPACES to the workspace slugs whose admins may open it';

function deny(res: Response, status: number, message: string): void {
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).json({ error: { code: status === 401 ? 'unauthorized' : 'forbidden', message } });
}

/**
 * Admin auth in front of bull-board, which shows the jobs of every workspace: only an admin of a workspace
 * QUEUE_DASHBOARD_WORKSPACES names (the operator's; empty, the default: nobody) gets in, with the API token
 * as `Authorization: Bearer …`, or in a browser once as `?token=…`: that is exchanged for an HttpOnly
 * SameSite=Lax session cookie and a redirect to the URL without the token.
 */
export function dashboardAuth(deps: Deps) {
  const { config, workspaces, sessions } = deps;
  const allowed = new Set(config.queueDashboardWorkspaces);

  async function judge(tokenHash: string): Promise<Verdict> {
    const principal = await workspaces.findPrincipalByTokenHash(tokenHash);
    if (!principal) return { ok: false, status: 401, message: 'invalid or revoked API token' };
    if (principal.role !== 'admin')
      return { ok: false, status: 403, message: 'the queue dashboard needs a workspace admin' };
    if (allowed.size === 0) return { ok: false, status: 403, message: CLOSED };
    if (!allowed.has(principal.workspaceSlug))
      return { ok: false, status: 403, message: 'this workspace may not open the queue dashboard' };
    return { ok: true, principal };
  }

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      res.setHeader('Cache-Control', 'no-store');
      const queryToken = typeof req.query.token === 'string' ? req.query.token : undefined;
      if (queryToken !== undefined) {
        const hash = hashApiToken(queryToken);
        const verdict = await judge(hash);
        if (!verdict.ok) return deny(res, verdict.status, verdict.message);
        const path = publicPath(req, config, deps.mountPath);
        const secure = req.secure || config.api.publicBaseUrl?.startsWith('https:') ? '; Secure' : '';
        res.setHeader(
          'Set-Cookie',
          `${DASHBOARD_COOKIE}=${sessions.issue(hash)}; Path=${path}; Max-Age=${sessions.maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`,
        );
        return res.redirect(303, `${path}/`);
      }
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const hash = bearer
        ? hashApiToken(bearer)
        : sessions.verify(readCookie(req.headers.cookie, DASHBOARD_COOKIE));
      if (!hash) return deny(res, 401, HOW);
      const verdict = await judge(hash);
      if (!verdict.ok) return deny(res, verdict.status, verdict.message);
      next();
    } catch {
      if (!res.headersSent)
        res
          .status(503)
          .json({ error: { code: 'service_unavailable', message: 'could not check the token' } });
    }
  };
}
