import { Inject, Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { Metrics } from '#libs/metrics';
import { type ChangedJob, encodeChange, eventsChannel } from './sync-event-channel.js';
import { createRedisClient } from '#libs/redis';

/** What the publisher needs of a Redis client (a fake in tests). */
export interface Publisher {
  publish(channel: string, message: string): Promise<unknown>;
}

/**
 * Publishes "this sync job changed" after its row was written (status, progress, counters, error, rate
 * limit wait). Never blocks or fails the sync: `changed` returns at once, a failed publish is logged and
 * counted (github_mcp_event_publish_failures_total) and live streams simply miss that change.
 */
@Injectable()
export class SyncJobEvents implements OnModuleDestroy {
  private readonly logger = new Logger(SyncJobEvents.name);
  private readonly redis: Redis | undefined;
  private readonly client: Publisher;
  private readonly prefix: string;
  private inFlight = new Set<Promise<boolean>>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() private readonly metrics?: Metrics,
    @Optional() @Inject('SYNC_EVENTS_PUBLISHER') publisher?: Publisher,
  ) {
    this.prefix = config.queue.prefix;
    if (publisher) {
      this.client = publisher;
    } else {
      // No offline queue: during a Redis outage a publish fails at once instead of piling up.
      // Failures surface (logged, counted) in publish.
      this.redis = createRedisClient(config.redisUrl, 'events-publisher');
      this.client = this.redis;
    }
  }

  /** Fire and forget: announces the change without waiting for Redis. */
  changed(job: ChangedJob): void {
    const sent = this.publish(job);
    this.inFlight.add(sent);
    void sent.finally(() => this.inFlight.delete(sent));
  }

  /** Resolves false (never rejects) when the message could not be published. */
  async publish(job: ChangedJob): Promise<boolean> {
    try {
      await this.client.publish(eventsChannel(this.prefix, job.workspaceId), encodeChange(job));
      return true;
    } catch (error) {
      this.metrics?.eventPublishFailures.inc();
      this.logger.warn(
        `could not publish the change of sync job ${job.jobId}: ${(error as Error).message ?? String(error)}`,
      );
      return false;
    }
  }

  /** Publishes still under way (tests, shutdown). */
  async flush(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
    this.redis?.disconnect();
  }
}
