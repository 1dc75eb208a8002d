import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { UnavailableError } from '#libs/common';
import { JOB_QUEUE, type JobName, type JobPayloads, QueueName, jobOptions } from './jobs.js';

/** Producer side: puts typed jobs on the right queue with their named options. */
@Injectable()
export class JobQueue {
  private readonly jobOptionSets;
  private readonly queues: ReadonlyMap<QueueName, Queue>;

  /** Every queue of `QueueName` is registered by QueueModule; a new queue needs no change here. */
  constructor(@Inject(APP_CONFIG) config: AppConfig, moduleRef: ModuleRef) {
    this.jobOptionSets = jobOptions(config.queue);
    this.queues = new Map(
      Object.values(QueueName).map((name) => [
        name,
        moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
      ]),
    );
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
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`unknown queue ${name}`);
    return queue;
  }
}
