import { Injectable } from '@nestjs/common';
import { type NewWebhookEvent, WebhookEventRepository } from '#libs/db';
import { WebhookEnqueuer } from './webhook-enqueuer.js';

const MAX_BATCH = 200;
/** Batches written at once: one commits while the next one is collected. */
const MAX_IN_FLIGHT = 2;

interface Pending {
  event: NewWebhookEvent;
  resolve(result: { inserted: boolean; enqueued: boolean }): void;
  reject(error: unknown): void;
}

/**
 * Group commit for deliveries: requests arriving while a batch is being written wait for the next one,
 * which is then one INSERT (one commit, one WAL flush) and one BullMQ addBulk for all of them. Alone, a
 * request is written at once; under load each request still waits for its own row to be committed, but
 * the database and Redis see a few round trips per batch instead of two per delivery.
 */
@Injectable()
export class DeliveryInbox {
  private readonly waiting: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly events: WebhookEventRepository,
    private readonly enqueuer: WebhookEnqueuer,
  ) {}

  /** Resolves once the delivery is committed (inserted: false for a known delivery id) and enqueue tried. */
  submit(event: NewWebhookEvent): Promise<{ inserted: boolean; enqueued: boolean }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      if (this.inFlight < MAX_IN_FLIGHT) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight++;
    try {
      while (this.waiting.length > 0) await this.write(this.waiting.splice(0, MAX_BATCH));
    } finally {
      this.inFlight--;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    // The same delivery twice in one batch: the first one is new, the others are redeliveries.
    const first = new Map<string, Pending>();
    for (const pending of batch) {
      if (!first.has(pending.event.deliveryId)) first.set(pending.event.deliveryId, pending);
    }
    let inserted: Set<string>;
    try {
      inserted = await this.events.insertReceived([...first.values()].map((p) => p.event));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const enqueued = await this.enqueuer.enqueueNew([...inserted]);
    for (const pending of batch) {
      const isNew = first.get(pending.event.deliveryId) === pending && inserted.has(pending.event.deliveryId);
      pending.resolve({ inserted: isNew, enqueued: isNew && enqueued });
    }
  }
}
