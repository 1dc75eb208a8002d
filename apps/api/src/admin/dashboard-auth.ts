import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import { type ConsoleSessionService, SESSION_COOKIE, hashApiToken } from '#libs/auth';
import { DomainError } from '#libs/common';
import type { AppConfig } from '#libs/config';
import type { TokenPrincipal, WorkspaceRepository } from '#libs/db';
import { isSecure, publicBaseUrl, publicPath } from '../http/public-url.js';
import { DASHBOARD_COOKIE, type DashboardSessions, readCookie } from './dashboard-session.js';

interface Deps {
  config: AppConfig;
  workspaces: Pick<WorkspaceRepository, 'findPrincipalByTokenHash'>;
  sessions: DashboardSessions;
  consoleSessions: Pick<ConsoleSessionService, 'authenticate'>;
  /** Where the dashboard is mounted, e.g. `/api/admin/queues`. */
  mountPath: string;
}

type Verdict = { ok: true; principal: TokenPrincipal } | { ok: false; status: 401 | 403; message: string };

const CLOSED =
  'the queue dashboard is closed: set QUEUE_DASHBOARD_WORKSPACES to the workspace slugs whose admins may open it';

function deny(reply: FastifyReply, status: number, message: string, code?: string): FastifyReply {
  if (status === 401) void reply.header('WWW-Authenticate', 'Bearer');
  return reply
    .status(status)
    .send({ error: { code: code ?? (status === 401 ? 'unauthorized' : 'forbidden'), message } });
}

/**
 * Admin auth in front of bull-board, which shows the jobs of every workspace: only an admin of a workspace
 * QUEUE_DASHBOARD_WORKSPACES names (the operator's; empty, the default: nobody) gets in, with the API token
 * as `Authorization: Bearer …`, with the console's session cookie (`ghsync_session`, whose path covers the
 * dashboard), or in a browser once as `?token=…`: that is exchanged for an HttpOnly SameSite=Lax cookie of
 * its own and a redirect to the URL without the token. A state-changing request (bull-board's retry,
 * clean, …) made with the console session needs its X-CSRF-Token or an `Origin` of this deployment.
 */
export function dashboardAuth(deps: Deps): onRequestHookHandler {
  const { config, workspaces, sessions } = deps;
  const allowed = new Set(config.queueDashboardWorkspaces);
  const how = `open ${deps.mountPath}?token=<admin API token> or sign in to the console, or send Authorization: Bearer <admin API token>`;

  function judge(principal: TokenPrincipal | null): Verdict {
    if (!principal) return { ok: false, status: 401, message: 'invalid or revoked API token' };
    if (principal.role !== 'admin')
      return { ok: false, status: 403, message: 'the queue dashboard needs a workspace admin' };
    if (allowed.size === 0) return { ok: false, status: 403, message: CLOSED };
    if (!allowed.has(principal.workspaceSlug))
      return { ok: false, status: 403, message: 'this workspace may not open the queue dashboard' };
    return { ok: true, principal };
  }

  /** The console session's principal; a same-origin `Origin` stands in for the CSRF header. */
  function consolePrincipal(req: FastifyRequest, sessionId: string): Promise<TokenPrincipal> {
    const origin = req.headers.origin;
    const sameOrigin = origin !== undefined && origin === new URL(publicBaseUrl(req, config)).origin;
    const method = sameOrigin ? 'GET' : req.method;
    return deps.consoleSessions.authenticate(sessionId, method, req.headers['x-csrf-token']);
  }

  async function authenticate(req: FastifyRequest): Promise<TokenPrincipal | null | 'none'> {
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer) return workspaces.findPrincipalByTokenHash(hashApiToken(bearer));
    const hash = sessions.verify(readCookie(req.headers.cookie, DASHBOARD_COOKIE));
    if (hash) return workspaces.findPrincipalByTokenHash(hash);
    const consoleSession = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (consoleSession) return consolePrincipal(req, consoleSession);
    return 'none';
  }

  return async (req, res) => {
    try {
      void res.header('Cache-Control', 'no-store');
      const query = req.query as Record<string, unknown>;
      const queryToken = typeof query.token === 'string' ? query.token : undefined;
      if (queryToken !== undefined) {
        const hash = hashApiToken(queryToken);
        const verdict = judge(await workspaces.findPrincipalByTokenHash(hash));
        if (!verdict.ok) return deny(res, verdict.status, verdict.message);
        const path = publicPath(req, config, deps.mountPath);
        const secure = isSecure(req, config) ? '; Secure' : '';
        void res.header(
          'Set-Cookie',
          `${DASHBOARD_COOKIE}=${sessions.issue(hash)}; Path=${path}; Max-Age=${sessions.maxAgeSeconds}; HttpOnly; SameSite=Lax${secure}`,
        );
        return res.redirect(`${path}/`, 303);
      }
      const principal = await authenticate(req);
      if (principal === 'none') return deny(res, 401, how);
      const verdict = judge(principal);
      if (!verdict.ok) return deny(res, verdict.status, verdict.message);
      return undefined;
    } catch (error) {
      if (res.sent) return res;
      if (error instanceof DomainError && (error.kind === 'unauthorized' || error.kind === 'forbidden')) {
        const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
        return deny(res, error.kind === 'unauthorized' ? 401 : 403, error.message, code);
      }
      return res
        .status(503)
        .send({ error: { code: 'service_unavailable', message: 'could not check the token' } });
    }
  };
}
