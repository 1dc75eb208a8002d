import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { UnavailableError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type SyncJobChange, decodeChange, eventsChannel } from './sync-event-channel.js';
import { createRedisClient } from '#libs/redis';

export type ChangeListener = (change: SyncJobChange) => void;

/**
 * The API process's one Redis subscriber: subscribes to a workspace's channel while at least one of its
 * listeners (live streams) is there and fans every message out to them in-process.
 */
@Injectable()
export class SyncEventHub implements OnModuleDestroy {
  private readonly logger = new Logger(SyncEventHub.name);
  private readonly listeners = new Map<string, Set<ChangeListener>>();
  /** The SUBSCRIBE of each channel (awaited by every listener joining it). */
  private readonly subscribed = new Map<string, Promise<unknown>>();
  private redis: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Adds `listener` to the workspace's channel; resolves once Redis confirmed the subscription, with the
   * function that removes it again. Rejects with UnavailableError when Redis cannot be reached.
   */
  async subscribe(workspaceId: string, listener: ChangeListener): Promise<() => void> {
    const channel = eventsChannel(this.config.queue.prefix, workspaceId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      this.subscribed.set(
        channel,
        this.connection().then((redis) => redis.subscribe(channel)),
      );
    }
    set.add(listener);
    const remove = () => this.remove(channel, listener);
    try {
      await this.subscribed.get(channel);
    } catch (error) {
      remove();
      throw new UnavailableError('live events are unavailable (Redis)', { cause: error });
    }
    return remove;
  }

  /** Channels subscribed and listeners attached in this process (tests, diagnostics). */
  stats(): { channels: number; listeners: number } {
    let listeners = 0;
    for (const set of this.listeners.values()) listeners += set.size;
    return { channels: this.listeners.size, listeners };
  }

  async onModuleDestroy(): Promise<void> {
    this.listeners.clear();
    this.subscribed.clear();
    this.redis?.disconnect();
    this.redis = undefined;
  }

  private remove(channel: string, listener: ChangeListener): void {
    const set = this.listeners.get(channel);
    if (!set?.delete(listener) || set.size > 0) return;
    this.listeners.delete(channel);
    this.subscribed.delete(channel);
    this.redis?.unsubscribe(channel).catch((error: unknown) => {
      this.logger.warn(`could not unsubscribe ${channel}: ${(error as Error).message}`);
    });
  }

  private async connection(): Promise<Redis> {
    if (!this.redis) {
      const redis = createRedisClient(this.config.redisUrl, 'events-subscriber', (error) =>
        this.logger.warn(`event subscriber: ${error.message}`),
      );
      redis.on('message', (channel: string, text: string) => this.dispatch(channel, text));
      this.redis = redis;
    }
    const redis = this.redis;
    if (redis.status === 'wait') await redis.connect();
    return redis;
  }

  private dispatch(channel: string, text: string): void {
    const change = decodeChange(text);
    const set = this.listeners.get(channel);
    if (!change || !set) return;
    for (const listener of [...set]) {
      try {
        listener(change);
      } catch (error) {
        this.logger.warn(`event listener failed: ${(error as Error).message}`);
      }
    }
  }
}
