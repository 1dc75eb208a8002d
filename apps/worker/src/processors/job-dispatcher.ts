import { Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type JobContext, type JobRegistry, PermanentJobError, isJobName } from '#libs/queue';

const logger = new Logger('Jobs');

/** Cross-cutting work around every job (log context, metrics, shutdown hand-back): apps/worker/src/ops. */
export interface JobHooks {
  run<T>(job: Job, token: string | undefined, work: () => Promise<T>): Promise<T>;
}

const hooks = new WeakMap<JobRegistry, JobHooks>();

/** Installs the hooks of one worker application (keyed by its registry: in-process test workers stay apart). */
export function installJobHooks(registry: JobRegistry, value: JobHooks): void {
  hooks.set(registry, value);
}

/** Runs a BullMQ job through the registry; permanent failures are not retried, others are rethrown. */
export function dispatch(registry: JobRegistry, job: Job, token: string | undefined): Promise<unknown> {
  const installed = hooks.get(registry);
  const work = () => dispatchJob(registry, job, token);
  return installed ? installed.run(job, token, work) : work();
}

async function dispatchJob(registry: JobRegistry, job: Job, token: string | undefined): Promise<unknown> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job name ${job.name}`);
  const context: JobContext = {
    id: job.id ?? '',
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
    enqueuedAt: new Date(job.timestamp),
    delayUntil: async (until) => {
      await job.moveToDelayed(until.getTime(), token);
      throw new DelayedError();
    },
  };
  const started = performance.now();
  try {
    const result = await registry.get(job.name)(job.data, context);
    logger.log(`${job.name} ${job.id} done in ${Math.round(performance.now() - started)} ms`);
    return result;
  } catch (error) {
    if (error instanceof DelayedError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    logger.warn(`${job.name} ${job.id} attempt ${job.attemptsMade + 1} failed: ${message}`);
    if (error instanceof PermanentJobError) throw new UnrecoverableError(message);
    throw error;
  }
}
