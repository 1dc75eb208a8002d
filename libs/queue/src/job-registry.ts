import { JobName, type JobPayloads, isJobName } from './jobs.js';

export interface JobContext {
  /** BullMQ job id (for sync jobs: the github_sync_jobs.job_id). */
  id: string;
  attemptsMade: number;
  maxAttempts: number;
  /** When the job was put on the queue (for expiring periodic ticks). */
  enqueuedAt: Date;
  /** Pushes the job back to the delayed set until `until` without consuming an attempt. */
  delayUntil(until: Date): Promise<never>;
}

export type JobHandler<N extends JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => Promise<unknown>;

export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** Called when an attempt of a job of this name failed in the queue (the handler may not have run). */
export type JobFailedHook = (jobId: string) => Promise<void>;

/**
 * Holds the handler of every job name a worker runs. `assertComplete` fails start-up when a job
 * the worker is responsible for has no handler, so a job can never sit unprocessed in a queue.
 */
export class JobRegistry {
  private readonly handlers: JobHandlers = {};
  private readonly failedHooks = new Map<JobName, JobFailedHook>();

  register<N extends JobName>(
    name: N,
    handler: JobHandler<N>,
    hooks: { onFailed?: JobFailedHook } = {},
  ): void {
    if (this.handlers[name]) throw new Error(`job ${name} has two handlers`);
    (this.handlers as Record<N, JobHandler<N>>)[name] = handler;
    if (hooks.onFailed) this.failedHooks.set(name, hooks.onFailed);
  }

  /** Runs the `onFailed` hook of the job's name, if it has one. */
  async failed(name: string, jobId: string): Promise<void> {
    const hook = isJobName(name) ? this.failedHooks.get(name) : undefined;
    if (hook) await hook(jobId);
  }

  get<N extends JobName>(name: N): JobHandler<N> {
    const handler = this.handlers[name] as JobHandler<N> | undefined;
    if (!handler) throw new Error(`no handler registered for job ${name}`);
    return handler;
  }

  assertComplete(required: readonly JobName[] = Object.values(JobName)): void {
    const missing = required.filter((name) => !this.handlers[name]);
    if (missing.length > 0) throw new Error(`no handler registered for job(s): ${missing.join(', ')}`);
  }
}

/** Thrown by a handler for failures that retrying cannot fix (bad credentials, repo gone, bad data). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
