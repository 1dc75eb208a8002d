import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { UnavailableError } from '#libs/common';
import { JOB_QUEUE, type JobName, type JobPayloads, QueueName, jobOptions } from './jobs.js';

/** Producer side: puts typed jobs on the right queue with their named options. */
@Injectable()
export class JobQueue implements OnApplicationBootstrap {
  private readonly jobOptionSets;
  private readonly queues = new Map<QueueName, Queue>();
  private readonly logger = new Logger(JobQueue.name);
  private lastWarning = 0;

  /**
   * Every queue of `QueueName` is registered by QueueModule; a new queue needs no change here. Queues are
   * resolved on first use: their providers are async factories, not yet built while this one is.
   */
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {
    this.jobOptionSets = jobOptions(config.queue);
  }

  /** The named option set of a job (attempts, backoff, retention). */
  options(name: JobName): JobsOptions {
    return this.jobOptionSets[name];
  }

  /**
   * Enqueues a job; BullMQ ignores a second add with the same job id, so this is idempotent.
   * `delayMs` postpones it (debouncing).
   */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    jobId: string,
    options: { delayMs?: number } = {},
  ): Promise<void> {
    const delay = options.delayMs ? { delay: options.delayMs } : {};
    try {
      await this.queue(JOB_QUEUE[name]).add(name, payload, { ...this.jobOptionSets[name], ...delay, jobId });
    } catch (error) {
      throw new UnavailableError(`could not enqueue ${name}: Redis is unavailable`, { cause: error });
    }
  }

  /** Round-trip time of a Redis PING, in milliseconds; throws when Redis is unreachable. */
  async ping(): Promise<number> {
    const started = performance.now();
    const client = await this.queue(QueueName.Sync).getBackend().client;
    await client.runCommand('ping', []);
    return performance.now() - started;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      if (!(Object.values(QueueName) as string[]).includes(name)) throw new Error(`unknown queue ${name}`);
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      // Without a listener BullMQ prints every reconnection failure to stderr while Redis is down.
      queue.on('error', (error) => this.warnUnavailable(name, error));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Resolves every queue once the providers exist, so each has its error listener from the start. */
  onApplicationBootstrap(): void {
    for (const name of Object.values(QueueName)) this.queue(name);
  }

  private warnUnavailable(name: QueueName, error: Error): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`queue ${name}: Redis connection error (${error.message}); retrying`);
  }
}
