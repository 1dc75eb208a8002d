import type { JobsOptions } from 'bullmq';

/**
 * Every job the system runs (a job joins this enum together with its
 * handler). Payloads carry ids only: the Postgres row is the truth, BullMQ the transport.
 */
export enum JobName {
  SyncRepository = 'sync_repository',
  PeriodicSyncAll = 'periodic_sync_all',
  CleanupOldJobs = 'cleanup_old_jobs',
  ProcessWebhookEvent = 'process_webhook_event',
  SyncIssue = 'sync_issue',
  ReconcileSyncJobs = 'reconcile_sync_jobs',
}

export enum QueueName {
  Sync = 'github-sync',
  Maintenance = 'maintenance',
  Webhooks = 'github-webhooks',
}

export interface JobPayloads {
  [JobName.SyncRepository]: { syncJobId: string };
  [JobName.PeriodicSyncAll]: Record<string, never>;
  [JobName.CleanupOldJobs]: Record<string, never>;
  /** github_webhook_events.delivery_id (also the BullMQ job id). */
  [JobName.ProcessWebhookEvent]: { deliveryId: string };
  /** One workspace issue (and its new comments) to GitHub; job id `sync_issue-<issue id>-v<outbound version>`. */
  [JobName.SyncIssue]: { issueId: string; reason: 'created' | 'updated' | 'comment' | 'pass' };
  [JobName.ReconcileSyncJobs]: Record<string, never>;
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/** A job as a discriminated union, so handlers narrow the payload by name. */
export type AnyJob = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SyncRepository]: QueueName.Sync,
  [JobName.PeriodicSyncAll]: QueueName.Maintenance,
  [JobName.CleanupOldJobs]: QueueName.Maintenance,
  [JobName.ProcessWebhookEvent]: QueueName.Webhooks,
  [JobName.SyncIssue]: QueueName.Sync,
  [JobName.ReconcileSyncJobs]: QueueName.Maintenance,
};

const KEEP = { removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 7 * 24 * 3600 } };

/** Named option sets per job; attempts and the first backoff delay are configurable (QUEUE_* vars). */
export function jobOptions(config: { attempts: number; backoffMs: number }): Record<JobName, JobsOptions> {
  return {
    [JobName.SyncRepository]: {
      attempts: config.attempts,
      backoff: { type: 'exponential', delay: config.backoffMs },
      ...KEEP,
    },
    // A missed periodic tick is not worth retrying: the next one comes within the interval.
    [JobName.PeriodicSyncAll]: { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } },
    [JobName.CleanupOldJobs]: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, ...KEEP },
    // A delivery cannot be fetched again from GitHub: retry transient failures a few more times.
    [JobName.ProcessWebhookEvent]: {
      attempts: Math.max(config.attempts, 5),
      backoff: { type: 'exponential', delay: config.backoffMs },
      removeOnComplete: { age: 3600, count: 5000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
    // Every local edit has its own job (version in the id); the first one writes them all, the rest are no-ops.
    [JobName.SyncIssue]: {
      attempts: Math.max(config.attempts, 5),
      backoff: { type: 'exponential', delay: config.backoffMs },
      removeOnComplete: { age: 3600, count: 5000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
    // Runs every minute; a missed run is covered by the next one.
    [JobName.ReconcileSyncJobs]: {
      attempts: 1,
      removeOnComplete: { count: 50 },
      removeOnFail: { count: 50 },
    },
  };
}

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}
