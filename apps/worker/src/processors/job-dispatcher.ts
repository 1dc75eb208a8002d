import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { type JobContext, JobRegistry, classifyFailure, isJobName } from '#libs/queue';
import { JobObserver } from '../ops/job-observer.js';

/**
 * Runs a BullMQ job through the registry, inside the observer (log context, metrics, shutdown hand-back).
 * The handler's failure is classified once (classifyFailure): permanent → not retried (UnrecoverableError),
 * BullMQ control signals let through, the rest rethrown for the job's retries.
 */
@Injectable()
export class JobDispatcher {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly registry: JobRegistry,
    private readonly observer: JobObserver,
  ) {}

  dispatch(job: Job, token: string | undefined): Promise<unknown> {
    return this.observer.run(job, token, () => this.run(job, token));
  }

  private async run(job: Job, token: string | undefined): Promise<unknown> {
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
      const result = await this.registry.get(job.name)(job.data, context);
      this.logger.log(`${job.name} ${job.id} done in ${Math.round(performance.now() - started)} ms`);
      return result;
    } catch (error) {
      const outcome = classifyFailure(error);
      if (outcome.kind === 'control') throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`${job.name} ${job.id} attempt ${job.attemptsMade + 1} failed: ${message}`);
      if (outcome.kind === 'permanent') throw new UnrecoverableError(message);
      throw error;
    }
  }
}
