import { Injectable } from '@nestjs/common';
import { GroupCommit, type Settled, fulfilled, rejected } from '#libs/common';
import { type NewWebhookEvent, WebhookEventRepository } from '#libs/db';
import { WebhookEnqueuer } from './webhook-enqueuer.js';

const MAX_BATCH = 200;

export interface InboxResult {
  /** False for a delivery id already stored: a redelivery. */
  inserted: boolean;
  /** False when Redis was unavailable: the relay enqueues the committed event later. */
  enqueued: boolean;
}

/**
 * Group commit for deliveries (GroupCommit): requests arriving while a batch is being written form the next
 * one, which is then one INSERT (one commit, one WAL flush) and one BullMQ addBulk for all of them. Alone, a
 * request is written at once; under load each request still waits for its own row to be committed, but the
 * database and Redis see a few round trips per batch instead of two per delivery. Copies of one delivery
 * never share a batch: the first one stored is new, the others are duplicates.
 */
@Injectable()
export class DeliveryInbox {
  private readonly batches: GroupCommit<NewWebhookEvent, InboxResult>;

  constructor(
    private readonly events: WebhookEventRepository,
    private readonly enqueuer: WebhookEnqueuer,
  ) {
    this.batches = new GroupCommit((batch) => this.write(batch), {
      maxBatch: MAX_BATCH,
      key: (event) => event.deliveryId,
    });
  }

  /** Resolves once the delivery is committed and its enqueue tried; rejects when it could not be stored. */
  submit(event: NewWebhookEvent): Promise<InboxResult> {
    return this.batches.submit(event);
  }

  private async write(batch: NewWebhookEvent[]): Promise<Settled<InboxResult>[]> {
    let inserted: Set<string>;
    try {
      inserted = await this.events.insertReceived(batch);
    } catch (error) {
      return batch.map(() => rejected(error));
    }
    const enqueued = await this.enqueuer.enqueueNew([...inserted]);
    return batch.map((event) => {
      const isNew = inserted.has(event.deliveryId);
      return fulfilled({ inserted: isNew, enqueued: isNew && enqueued });
    });
  }
}
