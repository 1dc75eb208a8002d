import { Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type JobContext, type JobRegistry, PermanentJobError, isJobName } from '#libs/queue';

const logger = new Logger('Jobs');

/** Runs a BullMQ job through the registry; permanent failures are not retried, others are rethrown. */
export async function dispatch(registry: JobRegistry, job: Job, token: string | undefined): Promise<unknown> {
  if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job name ${job.name}`);
  const context: JobContext = {
    id: job.id ?? '',
    attemptsMade: job.attemptsMade,
    maxAttempts: job.opts.attempts ?? 1,
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
