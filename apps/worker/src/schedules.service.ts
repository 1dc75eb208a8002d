import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { JobName, JobQueue, QueueName } from '#libs/queue';

const RECONCILE_EVERY_MS = 60_000;

/** Repeatable jobs (periodic sync, reconcile, cleanup; see libs/queue/src/jobs.ts). Every worker upserts the same schedulers; BullMQ keeps one of each. */
export const SCHEDULES = {
  periodic: `${JobName.PeriodicSyncAll}-scheduler`,
  cleanup: `${JobName.CleanupOldJobs}-scheduler`,
  reconcile: `${JobName.ReconcileSyncJobs}-scheduler`,
} as const;

@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.upsert();
    // A Redis that comes back empty (restarted without persistence, failed over to an empty replica) has
    // lost the schedulers: upsert them on every reconnect, or periodic syncs and the reconciliation of
    // lost sync jobs would stop until a worker restarts (bench:faults, issue 14).
    const client = await this.jobs.queue(QueueName.Maintenance).getBackend().client;
    client.on('ready', () => {
      this.upsert().catch((error: Error) =>
        this.logger.warn(`could not restore the schedules after a reconnect: ${error.message}`),
      );
    });
  }

  private async upsert(): Promise<void> {
    const queue = this.jobs.queue(QueueName.Maintenance);
    if (!this.config.sync.enabled) {
      // ENABLE_GITHUB_MCP_INTEGRATION=false: no periodic syncs; cleanup keeps running.
      await queue.removeJobScheduler(SCHEDULES.periodic);
      this.logger.warn('GitHub integration disabled: periodic sync schedule removed');
    } else {
      await queue.upsertJobScheduler(
        SCHEDULES.periodic,
        { every: this.config.sync.defaultIntervalSeconds * 1000 },
        { name: JobName.PeriodicSyncAll, data: {}, opts: this.jobs.options(JobName.PeriodicSyncAll) },
      );
    }
    await queue.upsertJobScheduler(
      SCHEDULES.cleanup,
      { pattern: '0 2 * * *' },
      { name: JobName.CleanupOldJobs, data: {}, opts: this.jobs.options(JobName.CleanupOldJobs) },
    );
    // Sync job rows whose BullMQ job is gone or failed unrecorded are marked failed (SyncJobReconciler).
    await queue.upsertJobScheduler(
      SCHEDULES.reconcile,
      { every: RECONCILE_EVERY_MS },
      { name: JobName.ReconcileSyncJobs, data: {}, opts: this.jobs.options(JobName.ReconcileSyncJobs) },
    );
  }
}
