import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { JobLogContext } from '#libs/logging';
import { type JobAttemptStatus, JobMetrics } from '#libs/metrics';

/** A job handed back at shutdown becomes available again after this long (the process is gone by then). */
const HAND_BACK_DELAY_MS = 2000;

function statusOf(job: Job, error: unknown): JobAttemptStatus {
  if (error instanceof DelayedError) return 'delayed';
  if (error instanceof UnrecoverableError) return 'failed';
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1) ? 'failed' : 'retrying';
}

/**
 * Around every job of this worker process: the log context (`job_id`, `job_name`, `attempt`, payload ids
 * such as `sync_job_id` / `delivery_id`), outcome metrics, and the set of active jobs so a shutdown that
 * runs out of time can hand them back to the queue instead of leaving them to stall.
 */
@Injectable()
export class JobObserver {
  private readonly logger = new Logger('Jobs');
  private readonly active = new Map<string, { job: Job; token: string | undefined }>();

  constructor(
    private readonly metrics: JobMetrics,
    private readonly logs: JobLogContext,
  ) {}

  run<T>(job: Job, token: string | undefined, work: () => Promise<T>): Promise<T> {
    const key = `${job.queueName}:${job.id}`;
    return this.logs.run(job, async () => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      this.active.set(key, { job, token });
      try {
        const result = await work();
        void this.metrics.record({
          name: job.name,
          data: job.data,
          result,
          status: 'completed',
          seconds: seconds(),
        });
        return result;
      } catch (error) {
        void this.metrics.record({
          name: job.name,
          data: job.data,
          status: statusOf(job, error),
          seconds: seconds(),
        });
        throw error;
      } finally {
        this.active.delete(key);
      }
    });
  }

  get activeCount(): number {
    return this.active.size;
  }

  /**
   * Moves every job still running back to the queue (delayed by a moment, without using an attempt).
   * Only for a process about to exit: the handlers are still running and must not go on writing.
   * Sync jobs resume from their last page checkpoint.
   */
  async handBack(): Promise<string[]> {
    const handed: string[] = [];
    await Promise.all(
      [...this.active.values()].map(async ({ job, token }) => {
        try {
          await job.moveToDelayed(Date.now() + HAND_BACK_DELAY_MS, token);
          handed.push(`${job.name} ${job.id}`);
        } catch (error) {
          this.logger.warn(`could not hand back ${job.name} ${job.id}: ${String(error)}`);
        }
      }),
    );
    this.active.clear();
    return handed;
  }
}
