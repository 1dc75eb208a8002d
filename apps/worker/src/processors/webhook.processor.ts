import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { JobRegistry, QueueName } from '#libs/queue';
import { dispatch } from './job-dispatcher.js';
import { startConfiguredWorker } from './worker-settings.js';

/** process_webhook_event: short jobs, WEBHOOK_WORKER_CONCURRENCY at a time per worker. */
@Processor(QueueName.Webhooks, { autorun: false })
export class WebhookProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    startConfiguredWorker(this.worker, this.config, this.config.webhooks.workerConcurrency);
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatch(this.registry, job, token);
  }
}
