import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '#libs/config';
import { WorkspaceRepository } from '#libs/db';
import { QueueInspector } from '#libs/metrics';
import { publicPath } from '../http/public-url.js';
import { dashboardAuth } from './dashboard-auth.js';
import { DashboardSessions } from './dashboard-session.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

type Render = (view: string, options?: object, callback?: (error: Error, html: string) => void) => void;

/**
 * bull-board renders `<base href>` from a fixed base path; behind a proxy that strips a prefix the
 * browser needs that prefix in it, so the page is rendered with the public path of this request.
 */
function publicBaseHref(config: AppConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const render = res.render.bind(res) as Render;
    const basePath = `${publicPath(req, config, QUEUE_DASHBOARD_PATH)}/`;
    (res as unknown as { render: Render }).render = (view, options, callback) =>
      render(view, { ...(options ?? {}), basePath }, callback);
    next();
  };
}

/**
 * bull-board at `/admin/queues` (outside the API prefix) for every queue, behind workspace-admin auth;
 * read-only (every action answers 405) unless QUEUE_DASHBOARD_READ_ONLY=false. Mounted on Express
 * directly, before Nest's routes.
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
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
    mountPath: QUEUE_DASHBOARD_PATH,
  });
  app.use(QUEUE_DASHBOARD_PATH, auth, publicBaseHref(config), adapter.getRouter());
}
