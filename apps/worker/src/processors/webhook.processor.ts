import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { JobRegistry, QueueName } from '#libs/queue';
import { dispatch } from './job-dispatcher.js';
import { startConfiguredWorker } from './worker-settings.js';

/** process_webhook_event: short jobs, WEBHOOK_WORKER_CONCURRENCY at a time per worker (the handler batches them). */
@Processor(QueueName.Webhooks, { autorun: false })
export class WebhookProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookProcessor.name);
  private lastWarning = 0;

  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // BullMQ prints connection errors to stderr unless someone listens; the worker reconnects by itself.
    this.worker.on('error', (error) => {
      if (Date.now() - this.lastWarning < 60_000) return;
      this.lastWarning = Date.now();
      this.logger.warn(`webhook worker: ${error.message}; reconnecting`);
    });
    startConfiguredWorker(this.worker, this.config, this.config.webhooks.workerConcurrency);
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatch(this.registry, job, token);
  }
}
