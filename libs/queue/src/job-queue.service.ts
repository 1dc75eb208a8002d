import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { UnavailableError } from '#libs/common';
import { JOB_QUEUE, type JobName, type JobPayloads, QueueName, jobOptions } from './jobs.js';

/** Producer side: puts typed jobs on the right queue with their named options. */
@Injectable()
export class JobQueue {
  private readonly options;
  private readonly queues: ReadonlyMap<QueueName, Queue>;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @InjectQueue(QueueName.Sync) syncQueue: Queue) {
    this.options = jobOptions(config.queue);
    this.queues = new Map([[QueueName.Sync, syncQueue]]);
  }

  /** Enqueues a job; BullMQ ignores a second add with the same job id, so this is idempotent. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], jobId: string): Promise<void> {
    try {
      await this.queue(JOB_QUEUE[name]).add(name, payload, { ...this.options[name], jobId });
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
