import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { Lifecycle } from '#libs/metrics';
import type { EventSink, JobSnapshot, StreamClient } from './event-sink.js';
import { JobFeed, deliverJob } from './job-feed.js';
import { StatusFeed } from './status-feed.js';
import { SyncEventHub } from './sync-event-hub.js';

export interface JobStreamRequest {
  workspaceId: string;
  jobId: string;
  /** The client's Last-Event-ID (a version it has seen), or null. */
  lastEventId: number | null;
  /** Reads the job; rejects (e.g. not found) before anything is streamed. */
  load: () => Promise<JobSnapshot>;
  /** Starts the response (headers); called only once the first read succeeded. */
  open: () => EventSink;
}

export interface StatusStreamRequest {
  workspaceId: string;
  load: () => Promise<unknown>;
  open: () => EventSink;
}

type Feed = JobFeed | StatusFeed;

/**
 * Live streams of sync jobs and workspace status fed by the Redis events (SyncEventHub): one feed per job
 * or workspace in the process, shared by its clients; a client leaving frees its feed when it was the last.
 */
@Injectable()
export class SyncStreams implements OnModuleDestroy {
  private readonly jobFeeds = new Map<string, JobFeed>();
  private readonly statusFeeds = new Map<string, StatusFeed>();
  private readonly clients = new Set<StreamClient>();

  constructor(
    private readonly hub: SyncEventHub,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() lifecycle?: Lifecycle,
  ) {
    // A graceful stop ends the streams first, so draining requests does not wait for them.
    lifecycle?.onShutdown(() => this.closeAll());
  }

  async streamJob(request: JobStreamRequest): Promise<void> {
    const key = `${request.workspaceId}:${request.jobId}`;
    const feed = this.jobFeeds.get(key) ?? new JobFeed(request.jobId, request.load);
    const ready = this.join(this.jobFeeds, key, feed, request.workspaceId, (c) => feed.onChange(c.job_id));
    const generation = await ready.then(() => feed.generation);
    const snapshot = await this.loadOrLeave(this.jobFeeds, key, feed, request.load);
    const client = this.attach(this.jobFeeds, key, feed, request.open());
    client.lastVersion = request.lastEventId ?? -1;
    deliverJob(client, snapshot, request.jobId);
    if (feed.generation !== generation) void feed.refresh(); // changed while we read
  }

  async streamStatus(request: StatusStreamRequest): Promise<void> {
    const key = request.workspaceId;
    const feed = this.statusFeeds.get(key) ?? new StatusFeed(request.load);
    await this.join(this.statusFeeds, key, feed, request.workspaceId, () => feed.onChange());
    const generation = feed.generation;
    const data = await this.loadOrLeave(this.statusFeeds, key, feed, request.load);
    const client = this.attach(this.statusFeeds, key, feed, request.open());
    feed.send(client, data);
    if (feed.generation !== generation) feed.onChange();
  }

  /** Open streams and feeds in this process, and the hub's subscriptions (tests, diagnostics). */
  stats() {
    return {
      clients: this.clients.size,
      job_feeds: this.jobFeeds.size,
      status_feeds: this.statusFeeds.size,
      ...this.hub.stats(),
    };
  }

  closeAll(): void {
    for (const client of [...this.clients]) client.sink.end();
  }

  onModuleDestroy(): void {
    this.closeAll();
  }

  /** Registers the feed (subscribing it when new); a pending join counts as a client until it attaches. */
  private async join<F extends Feed>(
    feeds: Map<string, F>,
    key: string,
    feed: F,
    workspaceId: string,
    listener: Parameters<SyncEventHub['subscribe']>[1],
  ): Promise<void> {
    pending.set(feed, (pending.get(feed) ?? 0) + 1);
    if (!feeds.has(key)) {
      feeds.set(key, feed);
      subscriptions.set(feed, this.hub.subscribe(workspaceId, listener));
    }
    try {
      await subscriptions.get(feed);
    } catch (error) {
      this.leave(feeds, key, feed);
      throw error;
    }
  }

  private async loadOrLeave<F extends Feed, T>(
    feeds: Map<string, F>,
    key: string,
    feed: F,
    load: () => Promise<T>,
  ): Promise<T> {
    try {
      return await load();
    } catch (error) {
      this.leave(feeds, key, feed);
      throw error;
    }
  }

  private attach<F extends Feed>(feeds: Map<string, F>, key: string, feed: F, sink: EventSink) {
    const client: StreamClient = { sink, lastVersion: -1, lastJson: null };
    feed.clients.add(client);
    this.clients.add(client);
    pending.set(feed, (pending.get(feed) ?? 1) - 1);
    const heartbeat = setInterval(() => sink.comment('keep-alive'), this.config.api.sseHeartbeatMs);
    sink.onClose(() => {
      clearInterval(heartbeat);
      this.clients.delete(client);
      feed.clients.delete(client);
      this.release(feeds, key, feed);
    });
    return client;
  }

  private leave<F extends Feed>(feeds: Map<string, F>, key: string, feed: F): void {
    pending.set(feed, (pending.get(feed) ?? 1) - 1);
    this.release(feeds, key, feed);
  }

  /** The feed's last client (attached or joining) is gone: unsubscribe and forget it. */
  private release<F extends Feed>(feeds: Map<string, F>, key: string, feed: F): void {
    if (feed.clients.size > 0 || (pending.get(feed) ?? 0) > 0) return;
    if (feeds.get(key) === feed) feeds.delete(key);
    if (feed instanceof StatusFeed) feed.stop();
    const subscription = subscriptions.get(feed);
    subscriptions.delete(feed);
    pending.delete(feed);
    void subscription?.then((unsubscribe) => unsubscribe()).catch(() => undefined);
  }
}

/** Joins under way per feed, and each feed's hub subscription. */
const pending = new WeakMap<Feed, number>();
const subscriptions = new WeakMap<Feed, Promise<() => void>>();
