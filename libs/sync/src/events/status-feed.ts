import { Logger } from '@nestjs/common';
import type { StreamClient } from './event-sink.js';

const logger = new Logger('SyncStatusFeed');

/** At most one status event per workspace and this many milliseconds. */
export const STATUS_COALESCE_MS = 250;

/**
 * The clients streaming one workspace's status in this process. Changes are coalesced (one read and
 * at most one event per STATUS_COALESCE_MS); a client gets the status only when it differs from the
 * one it has.
 */
export class StatusFeed {
  readonly clients = new Set<StreamClient>();
  generation = 0;
  private timer: NodeJS.Timeout | undefined;
  private loading = false;
  private again = false;
  private lastEmitAt = 0;
  private lastId = 0;

  constructor(private readonly load: () => Promise<unknown>) {}

  onChange(): void {
    this.generation += 1;
    this.schedule();
  }

  /** Strictly increasing event ids (milliseconds, so they also grow across reconnects). */
  nextId(): number {
    this.lastId = Math.max(this.lastId + 1, Date.now());
    return this.lastId;
  }

  send(client: StreamClient, data: unknown): void {
    const json = JSON.stringify(data);
    if (json === client.lastJson) return;
    client.lastJson = json;
    client.sink.event('status', this.nextId(), data);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.loading) {
      this.again = true;
      return;
    }
    if (this.timer) return;
    const delay = Math.max(0, this.lastEmitAt + STATUS_COALESCE_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.emit();
    }, delay);
  }

  private async emit(): Promise<void> {
    if (this.clients.size === 0) return;
    this.loading = true;
    this.lastEmitAt = Date.now();
    try {
      const data = await this.load();
      for (const client of [...this.clients]) this.send(client, data);
    } catch (error) {
      logger.warn(`could not read the workspace status for its streams: ${(error as Error).message}`);
    } finally {
      this.loading = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }
}
