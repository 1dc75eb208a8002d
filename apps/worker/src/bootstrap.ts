import 'reflect-metadata';
import { type DynamicModule, type INestApplication, Module, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '#libs/config';
import { AppLogger, echoRequestIds, genReqId } from '#libs/logging';
import { Lifecycle } from '#libs/metrics';
import { ProcessorWorkers } from './http/processor-workers.js';
import { WorkerOpsModule } from './http/worker-ops.module.js';
import { JobObserver } from './ops/job-observer.js';
import { WorkerModule } from './worker.module.js';

@Module({})
class WorkerRootModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerRootModule,
      imports: [WorkerOpsModule.forRoot(config), WorkerModule.forRoot(config)],
    };
  }
}

/**
 * Starts the BullMQ processors and the worker's HTTP port (health and metrics only); used by main.ts,
 * the demo and the tests. `port` defaults to WORKER_PORT (0 = any free port, see `workerUrl`).
 */
export async function startWorker(
  config: AppConfig,
  options: { port?: number } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    WorkerRootModule.forRoot(config),
    // Routed like the API's port: paths case-insensitive, a trailing slash optional.
    new FastifyAdapter({ routerOptions: { caseSensitive: false, ignoreTrailingSlash: true }, genReqId }),
    {
      bufferLogs: true,
      abortOnError: false, // a start-up failure rejects (main.ts exits 1 with the error) instead of exiting here
      bodyParser: false,
    },
  );
  app.useLogger(app.get(AppLogger));
  echoRequestIds(app.getHttpAdapter().getInstance());
  await app.listen(options.port ?? config.worker.port, config.api.host);
  return app;
}

/** Base URL of a started worker's health/metrics port. */
export function workerUrl(app: INestApplication): string {
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

export interface WorkerStop {
  /** Jobs that were still running at the deadline and went back to the queue (`name id`). */
  handedBack: string[];
}

/**
 * Graceful stop (SIGTERM): readiness turns 503, the BullMQ workers stop taking jobs and the active ones
 * get SHUTDOWN_TIMEOUT to finish. Jobs still running then are handed back to the queue (a sync resumes
 * from its last page checkpoint) and the caller must exit at once, without closing the application:
 * the abandoned handlers must not go on to record failures. When everything finished, the application
 * is closed normally.
 */
export async function stopWorker(app: INestApplication, config: AppConfig): Promise<WorkerStop> {
  const logger = new NestLogger('Shutdown');
  app.get(Lifecycle).beginShutdown();
  const observer = app.get(JobObserver);
  const workers = app.get(ProcessorWorkers).list();
  logger.log(`stopping ${workers.length} queue worker(s); ${observer.activeCount} job(s) running`);
  const closed = Promise.all(workers.map((worker) => worker.close())).then(() => true);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), config.shutdown.timeoutMs);
  });
  const drained = await Promise.race([closed, deadline]);
  clearTimeout(timer);
  if (!drained) {
    const handedBack = await observer.handBack();
    logger.warn(`shutdown timeout (${config.shutdown.timeoutMs} ms): handed back ${handedBack.join(', ')}`);
    return { handedBack };
  }
  await app.close();
  logger.log('worker stopped; every job in flight finished');
  return { handedBack: [] };
}
