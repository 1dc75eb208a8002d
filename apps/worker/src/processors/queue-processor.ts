import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { JobRegistry, QueueName } from '#libs/queue';
import { JobDispatcher } from './job-dispatcher.js';
import { startConfiguredWorker } from './worker-settings.js';

/** Connection errors are logged at most this often (the worker reconnects by itself). */
const ERROR_LOG_EVERY_MS = 60_000;

/**
 * The processor of one queue: its BullMQ worker runs every job through the JobDispatcher with the
 * queue's concurrency, runs the registry's `onFailed` hooks, and logs connection errors (BullMQ prints
 * them to stderr unless someone listens) at most once a minute. One class per queue, as @nestjs/bullmq
 * binds a processor class to a queue name by decorator.
 */
export function queueProcessor(
  queue: QueueName,
  concurrency: (config: AppConfig) => number,
): Type<WorkerHost> {
  @Processor(queue, { autorun: false })
  class QueueProcessor extends WorkerHost implements OnApplicationBootstrap {
    private readonly logger = new Logger(`${queue} worker`);
    private lastWarning = 0;

    constructor(
      private readonly dispatcher: JobDispatcher,
      private readonly registry: JobRegistry,
      @Inject(APP_CONFIG) private readonly config: AppConfig,
    ) {
      super();
    }

    onApplicationBootstrap(): void {
      this.worker.on('error', (error) => {
        if (Date.now() - this.lastWarning < ERROR_LOG_EVERY_MS) return;
        this.lastWarning = Date.now();
        this.logger.warn(`${queue} worker: ${error.message}; reconnecting`);
      });
      this.worker.on('failed', (job) => {
        if (!job?.id) return;
        this.registry.failed(job.name, job.id).catch((error: unknown) => {
          this.logger.warn(`after the failure of ${job.name} ${job.id}: ${String(error)}`);
        });
      });
      startConfiguredWorker(this.worker, this.config, concurrency(this.config));
    }

    process(job: Job, token?: string): Promise<unknown> {
      return this.dispatcher.dispatch(job, token);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `QueueProcessor(${queue})` });
  return QueueProcessor;
}

/** sync_repository and sync_issue: WORKER_CONCURRENCY at a time per worker. */
export const SyncProcessor = queueProcessor(QueueName.Sync, (config) => config.worker.concurrency);
/** process_webhook_event: WEBHOOK_WORKER_CONCURRENCY at a time per worker (the handler batches them). */
export const WebhookProcessor = queueProcessor(
  QueueName.Webhooks,
  (config) => config.webhooks.workerConcurrency,
);
/** periodic_sync_all, cleanup_old_jobs, reconcile_sync_jobs: short jobs, one at a time per worker. */
export const MaintenanceProcessor = queueProcessor(QueueName.Maintenance, () => 1);
