import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, preHandlerHookHandler } from 'fastify';
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

type View = (page: string, data?: object) => unknown;

/**
 * bull-board renders `<base href>` from a fixed base path; behind a proxy that strips a prefix the
 * browser needs that prefix in it, so the page is rendered with the public path of this request.
 */
function publicBaseHref(config: AppConfig): preHandlerHookHandler {
  return (req, reply, done) => {
    const holder = reply as unknown as { view?: View };
    const view = holder.view?.bind(reply);
    if (view) {
      const basePath = `${publicPath(req, config, queueDashboardPath(config))}/`;
      holder.view = (page, data) => view(page, { ...(data ?? {}), basePath });
    }
    done();
  };
}

/**
 * bull-board at `/{API_PREFIX}/admin/queues` for every queue, behind workspace-admin auth;
 * read-only (every action answers 405) unless QUEUE_DASHBOARD_READ_ONLY=false. Mounted on fastify
 * directly, beside Nest's routes (its auth is an onRequest hook of its own scope).
 */
export async function mountQueueDashboard(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const mountPath = queueDashboardPath(config);
  const adapter = new FastifyAdapter();
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
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: 'GitHub MCP Sync' } },
  });
  const auth = dashboardAuth({
    config,
    workspaces: app.get(WorkspaceRepository),
    sessions: new DashboardSessions(config),
    consoleSessions: app.get(ConsoleSessionService),
    mountPath,
  });
  const fastify = app.getHttpAdapter().getInstance();
  if (mountPath !== LEGACY_PATH) {
    for (const url of [LEGACY_PATH, `${LEGACY_PATH}/*`]) {
      fastify.get(url, (req, reply) =>
        reply.redirect(publicPath(req, config, `${mountPath}${req.url.slice(LEGACY_PATH.length)}`), 308),
      );
    }
  }
  await fastify.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', auth);
      scope.addHook('preHandler', publicBaseHref(config));
      await scope.register(adapter.registerPlugin());
    },
    { prefix: mountPath },
  );
}
