import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobType, Queue } from 'bullmq';
import { QueueName } from '#libs/queue';

/** The BullMQ states a queue depth is reported for. */
export const QUEUE_STATES: readonly JobType[] = [
  'waiting',
  'prioritized',
  'active',
  'delayed',
  'failed',
  'completed',
  'waiting-children',
];

export interface QueueSnapshot {
  queue: string;
  counts: Record<string, number>;
  workers: number;
}

/** Reads depth and live workers of every queue of `QueueName` (registered by QueueModule). */
@Injectable()
export class QueueInspector {
  private cached: { name: string; queue: Queue }[] | undefined;

  constructor(private readonly moduleRef: ModuleRef) {}

  queues(): { name: string; queue: Queue }[] {
    this.cached ??= Object.values(QueueName).map((name) => ({
      name,
      queue: this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    }));
    return this.cached;
  }

  /** Live workers: BullMQ worker connections (CLIENT LIST) on the queue, from any process. */
  async workers(name: string): Promise<number> {
    return this.queue(name).getWorkersCount();
  }

  async snapshot(): Promise<QueueSnapshot[]> {
    return Promise.all(
      this.queues().map(async ({ name, queue }) => {
        const [counts, workers] = await Promise.all([
          queue.getJobCounts(...QUEUE_STATES),
          queue.getWorkersCount(),
        ]);
        return { queue: name, counts, workers };
      }),
    );
  }

  private queue(name: string): Queue {
    const found = this.queues().find((q) => q.name === name);
    if (!found) throw new Error(`unknown queue ${name}`);
    return found.queue;
  }
}
