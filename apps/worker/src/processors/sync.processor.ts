import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, type OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { JobRegistry, QueueName } from '#libs/queue';
import { dispatch } from './job-dispatcher.js';

@Processor(QueueName.Sync, { autorun: true })
export class SyncProcessor extends WorkerHost implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    this.worker.concurrency = this.config.worker.concurrency;
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatch(this.registry, job, token);
  }
}
