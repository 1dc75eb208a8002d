import { ModuleRef } from '@nestjs/core';
import { CleanupOldJobsHandler } from '#libs/maintenance';
import { JobName, JobRegistry } from '#libs/queue';
import { PeriodicSyncHandler, SyncIssueHandler, SyncJobReconciler, SyncRepositoryHandler } from '#libs/sync';
import { ProcessWebhookEventHandler } from '#libs/webhooks';

/**
 * Wires every job name to its domain handler; start-up fails if one is missing.
 * One `register` line per job: handlers are resolved from the module graph.
 */
export const jobRegistryProvider = {
  provide: JobRegistry,
  inject: [ModuleRef],
  useFactory: (ref: ModuleRef) => {
    const get = <T>(type: new (...args: never[]) => T): T => ref.get(type, { strict: false });
    const registry = new JobRegistry();
    // A sync job BullMQ failed for good (attempts used up while its handler could not write the row,
    // stalled too often) must not leave its row queued/running: the reconciler records the failure at
    // once, and its periodic run catches what this misses (Postgres down right now, another worker).
    registry.register(
      JobName.SyncRepository,
      (payload, ctx) => get(SyncRepositoryHandler).handle(payload, ctx),
      { onFailed: async (jobId) => void (await get(SyncJobReconciler).reconcileJob(jobId)) },
    );
    registry.register(JobName.PeriodicSyncAll, (_payload, ctx) => get(PeriodicSyncHandler).handle(ctx));
    registry.register(JobName.CleanupOldJobs, () => get(CleanupOldJobsHandler).handle());
    registry.register(JobName.ProcessWebhookEvent, (payload, ctx) =>
      get(ProcessWebhookEventHandler).handle(payload, ctx),
    );
    registry.register(JobName.SyncIssue, (payload, ctx) => get(SyncIssueHandler).handle(payload, ctx));
    registry.register(JobName.ReconcileSyncJobs, () => get(SyncJobReconciler).reconcile());
    registry.assertComplete();
    return registry;
  },
};
