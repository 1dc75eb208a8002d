import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { JobName, JobRegistry, QueueName } from '#libs/queue';
import { SyncJobReconciler } from '#libs/sync';
import { dispatch } from './job-dispatcher.js';
import { startConfiguredWorker } from './worker-settings.js';

@Processor(QueueName.Sync, { autorun: false })
export class SyncProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(SyncProcessor.name);

  constructor(
    private readonly registry: JobRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reconciler: SyncJobReconciler,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    // A sync job BullMQ failed for good (attempts used up while its handler could not write the row,
    // stalled too often) must not leave its row queued/running: the reconciler records the failure now,
    // and its periodic run catches what this misses (Postgres down right now, another worker's failure).
    this.worker.on('failed', (job) => {
      if (job?.name === JobName.SyncRepository && job.id) void this.reconcile(job.id);
    });
    startConfiguredWorker(this.worker, this.config, this.config.worker.concurrency);
  }

  process(job: Job, token?: string): Promise<unknown> {
    return dispatch(this.registry, job, token);
  }

  private async reconcile(jobId: string): Promise<void> {
    try {
      await this.reconciler.reconcileJob(jobId);
    } catch (error) {
      this.logger.warn(`could not reconcile sync job ${jobId} after its failure: ${String(error)}`);
    }
  }
}
