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
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, integrationEnabled } from '#libs/config';
import { AppLogger, echoRequestIds, genReqId } from '#libs/logging';
import { Lifecycle, Metrics, httpMetricsHook } from '#libs/metrics';
import { WebhookIngestionService } from '#libs/webhooks';
import { mountQueueDashboard } from './admin/queue-dashboard.js';
import { mountConsole } from './console/console-static.js';
import { ApiModule } from './app.module.js';
import { setupOpenApi } from './docs/openapi.js';
import { ApiOpsModule } from './health/ops.module.js';
import { closeConnectionsWhileStopping } from './http/close-while-stopping.js';
import { integrationDisabledHook } from './http/integration-switch.js';
import { jsonBodies } from './http/json-bodies.js';
import { proxyTrust } from './http/proxy-trust.js';
import { recordRoutes } from './http/served-routes.js';
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
): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ApiRootModule.forRoot(config),
    httpAdapter(config),
    {
      bufferLogs: true,
      abortOnError: false, // a start-up failure rejects (main.ts exits 1 with the error) instead of exiting here
      bodyParser: false, // jsonBodies() below
    },
  );
  app.useLogger(app.get(AppLogger));
  const fastify = app.getHttpAdapter().getInstance();
  recordRoutes(app);
  echoRequestIds(fastify);
  jsonBodies(fastify);
  fastify.addHook('onResponse', httpMetricsHook(app.get(Metrics)));
  if (!integrationEnabled(config)) fastify.addHook('onRequest', integrationDisabledHook(config));
  const lifecycle = app.get(Lifecycle);
  fastify.addHook('onSend', closeConnectionsWhileStopping(lifecycle));
  serveBeforeNest(
    app.getHttpServer(),
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
  await mountQueueDashboard(app, config);
  await mountConsole(app, config);
  setupOpenApi(app, config);
  await app.listen(port, config.api.host);
  const address = app.getHttpServer().address() as { port: number };
  const prefix = config.api.prefix ? `/${config.api.prefix}` : '';
  return { app, url: `http://127.0.0.1:${address.port}${prefix}` };
}

/**
 * Nest on fastify (docs/benchmarks.md, `bench:api`: express cost 0.15–0.23 ms more per request), routed as
 * express routed before: paths case-insensitive, a trailing slash optional; TRUST_PROXY decides who the
 * client is (`req.ip`, `req.protocol`, `req.host`); JSON bodies up to 100 kB (express's default); the
 * request id is the caller's X-Request-Id or a new one.
 */
function httpAdapter(config: AppConfig): FastifyAdapter {
  const trust = proxyTrust(config.trustProxy);
  return new FastifyAdapter({
    trustProxy: (address: string, hop: number) => trust(address, hop),
    genReqId,
    bodyLimit: 100 * 1024,
    // express had no limit on a path parameter's length; fastify's default (100) answers longer ones 404.
    routerOptions: { caseSensitive: false, ignoreTrailingSlash: true, maxParamLength: 500 },
    return503OnClosing: false, // stopApi drains instead
    // node:http's own limits, which express kept and fastify would change (no request timeout, 72 s idle).
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
  });
}

/** Gives `route` the first look at every request; the ones it does not take go to fastify (and Nest). */
function serveBeforeNest(server: Server, route: RawRoute): void {
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
  const drained = await closeServer(app.getHttpServer(), config.shutdown.timeoutMs);
  if (!drained) logger.warn(`requests still running after ${config.shutdown.timeoutMs} ms were cut off`);
  await app.close();
  logger.log('api stopped');
  return drained;
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
