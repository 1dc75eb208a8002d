import type { Worker } from 'bullmq';
import type { AppConfig } from '#libs/config';

/**
 * Applies the configured concurrency, lock and stall settings, then starts the worker. Processors are
 * declared with `autorun: false` because @nestjs/bullmq only takes static options from the decorator.
 * A worker killed mid-job loses its lock; after `stalledIntervalMs` another worker takes the job over and
 * resumes it from its checkpoint. `maxStalledCount` allows a few such take-overs before failing the job.
 */
export function startConfiguredWorker(worker: Worker, config: AppConfig, concurrency: number): void {
  worker.concurrency = concurrency;
  worker.opts.lockDuration = config.queue.lockDurationMs;
  worker.opts.stalledInterval = config.queue.stalledIntervalMs;
  worker.opts.maxStalledCount = 5;
  void worker.run();
}
