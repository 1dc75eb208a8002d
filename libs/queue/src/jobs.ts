import type { JobsOptions } from 'bullmq';

/**
 * Every job the system runs (DESIGN §5 lists the full set; a job joins this enum together with its
 * handler). Payloads carry ids only: the Postgres row is the truth, BullMQ the transport.
 */
export enum JobName {
  SyncRepository = 'sync_repository',
}

export enum QueueName {
  Sync = 'github-sync',
}

export interface JobPayloads {
  [JobName.SyncRepository]: { syncJobId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

/** A job as a discriminated union, so handlers narrow the payload by name. */
export type AnyJob = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SyncRepository]: QueueName.Sync,
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
  };
}

export function isJobName(name: string): name is JobName {
  return (Object.values(JobName) as string[]).includes(name);
}
