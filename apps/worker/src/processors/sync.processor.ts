import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { JobRegistry, QueueName } from '#libs/queue';
import { dispatch } from './job-dispatcher.js';
import { startConfiguredWorker } from './worker-settings.js';

@Processor(QueueName.Sync, { autorun: false })
export class SyncProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    startConfiguredWorker(this.worker, this.config, this.config.worker.concurrency);
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatch(this.registry, job, token);
  }
}
