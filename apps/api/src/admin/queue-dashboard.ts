import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '#libs/config';
import { ConsoleSessionService } from '#libs/auth';
import { WorkspaceRepository } from '#libs/db';
import { QueueInspector } from '#libs/metrics';
import { publicPath } from '../http/public-url.js';
import { dashboardAuth } from './dashboard-auth.js';
import { DashboardSessions } from './dashboard-session.js';

/** The dashboard's path: under the API prefix, so the console's session cookie (`Path=/api/`) reaches it. */
export function queueDashboardPath(config: Pick<AppConfig, 'api'>): string {
  return `${config.api.prefix ? `/${config.api.prefix}` : ''}/admin/queues`;
}

/** Where the dashboard was before it moved under the API prefix; GET/HEAD there redirect (308). */
const LEGACY_PATH = '/admin/queues';

type Render = (view: string, options?: object, callback?: (error: Error, html: string) => void) => void;

/**
 * bull-board renders `<base href>` from a fixed base path; behind a proxy that strips a prefix the
 * browser needs that prefix in it, so the page is rendered with the public path of this request.
 */
function publicBaseHref(config: AppConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const render = res.render.bind(res) as Render;
    const basePath = `${publicPath(req, config, queueDashboardPath(config))}/`;
    (res as unknown as { render: Render }).render = (view, options, callback) =>
      render(view, { ...(options ?? {}), basePath }, callback);
    next();
  };
}

/**
 * bull-board at `/{API_PREFIX}/admin/queues` for every queue, behind workspace-admin auth;
 * read-only (every action answers 405) unless QUEUE_DASHBOARD_READ_ONLY=false. Mounted on Express
 * directly, before Nest's routes.
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): void {
  const mountPath = queueDashboardPath(config);
  const adapter = new ExpressAdapter();
  adapter.setBasePath(mountPath);
  createBullBoard({
    queues: app
      .get(QueueInspector)
      .queues()
      .map(
        ({ queue }) =>
          new BullMQAdapter(queue as unknown as ConstructorParameters<typeof BullMQAdapter>[0], {
            readOnlyMode: config.queueDashboardReadOnly,
          }),
      ),
    serverAdapter: adapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'GitHub MCP Sync' } },
  });
  const auth = dashboardAuth({
    config,
    workspaces: app.get(WorkspaceRepository),
    sessions: new DashboardSessions(config),
    consoleSessions: app.get(ConsoleSessionService),
    mountPath,
  });
  if (mountPath !== LEGACY_PATH) {
    app.use(LEGACY_PATH, (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.redirect(308, publicPath(req, config, `${mountPath}${req.url}`));
    });
  }
  app.use(mountPath, auth, publicBaseHref(config), adapter.getRouter());
}
