import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  type DynamicModule,
  type INestApplication,
  Module,
  Logger as NestLogger,
  RequestMethod,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { type AppConfig, integrationEnabled } from '#libs/config';
import { AppLogger } from '#libs/logging';
import { Lifecycle, Metrics, httpMetricsMiddleware } from '#libs/metrics';
import { WebhookIngestionService } from '#libs/webhooks';
import { mountQueueDashboard } from './admin/queue-dashboard.js';
import { mountConsole } from './console/console-static.js';
import { ApiModule } from './app.module.js';
import { setupOpenApi } from './docs/openapi.js';
import { ApiOpsModule } from './health/ops.module.js';
import { integrationDisabledMiddleware } from './http/integration-switch.js';
import { proxyTrust } from './http/proxy-trust.js';
import { type RawRoute, webhookRoute } from './webhooks/webhook-route.js';

@Module({})
class ApiRootModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: ApiRootModule, imports: [ApiOpsModule.forRoot(config), ApiModule.forRoot(config)] };
  }
}

/**
 * Builds and starts the API; used by main.ts, the demo and the tests. Routes: `/{API_PREFIX}/...`
 * (OpenAPI at `/{API_PREFIX}/docs`), `GET /metrics` outside it; the queue dashboard at `/{API_PREFIX}/admin/queues`.
 */
export async function startApi(
  config: AppConfig,
  port = config.api.port,
): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create<NestExpressApplication>(ApiRootModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false, // a start-up failure rejects (main.ts exits 1 with the error) instead of exiting here
  });
  app.useLogger(app.get(AppLogger));
  app.set('trust proxy', proxyTrust(config.trustProxy));
  app.disable('x-powered-by');
  const lifecycle = app.get(Lifecycle);
  app.use(closeConnectionsWhileStopping(lifecycle));
  app.use(httpMetricsMiddleware(app.get(Metrics)));
  if (!integrationEnabled(config)) app.use(integrationDisabledMiddleware(config));
  serveBeforeExpress(
    app.getHttpServer() as Server,
    webhookRoute({
      config,
      ingestion: app.get(WebhookIngestionService),
      metrics: app.get(Metrics),
      lifecycle,
    }),
  );
  if (config.api.prefix) {
    app.setGlobalPrefix(config.api.prefix, { exclude: [{ path: 'metrics', method: RequestMethod.GET }] });
  }
  mountQueueDashboard(app, config);
  mountConsole(app, config);
  setupOpenApi(app, config);
  await app.listen(port, config.api.host);
  const address = app.getHttpServer().address() as { port: number };
  const prefix = config.api.prefix ? `/${config.api.prefix}` : '';
  return { app, url: `http://127.0.0.1:${address.port}${prefix}` };
}

/** Gives `route` the first look at every request; the ones it does not take go to express (and Nest). */
function serveBeforeExpress(server: Server, route: RawRoute): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (route(req, res)) return;
    for (const listener of listeners) listener(req, res);
  });
}

/**
 * Graceful stop (SIGTERM): readiness answers 503 at once; after SHUTDOWN_DELAY the listener closes, idle
 * keep-alive connections are dropped and requests in flight finish (a webhook's row is committed before
 * its 202, so an accepted delivery is never lost); connections still busy after SHUTDOWN_TIMEOUT are cut.
 * Then the modules close (queues, database). Resolves false when connections had to be cut.
 */
export async function stopApi(app: INestApplication, config: AppConfig): Promise<boolean> {
  const logger = new NestLogger('Shutdown');
  app.get(Lifecycle).beginShutdown();
  if (config.shutdown.delayMs > 0) {
    logger.log(`readiness is 503; serving ${config.shutdown.delayMs} ms more before closing the listener`);
    await new Promise((resolve) => setTimeout(resolve, config.shutdown.delayMs));
  }
  const drained = await closeServer(app.getHttpServer() as Server, config.shutdown.timeoutMs);
  if (!drained) logger.warn(`requests still running after ${config.shutdown.timeoutMs} ms were cut off`);
  await app.close();
  logger.log('api stopped');
  return drained;
}

/** While stopping, every answer (also of a request that arrived before) closes its keep-alive connection. */
function closeConnectionsWhileStopping(lifecycle: Lifecycle) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
      if (lifecycle.stopping) this.setHeader('Connection', 'close');
      return writeHead.apply(this, args);
    } as Response['writeHead'];
    next();
  };
}

function closeServer(server: Server, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.closeAllConnections();
      resolve(false);
    }, timeoutMs);
    server.close(() => {
      clearTimeout(timer);
      resolve(true);
    });
    server.closeIdleConnections();
  });
}
