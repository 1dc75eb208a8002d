import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { GroupCommit, type Settled, UnavailableError, fulfilled, rejected } from '#libs/common';
import { type NewWebhookEvent, WebhookEventRepository } from '#libs/db';
import { WebhookEnqueuer } from './webhook-enqueuer.js';

const MAX_BATCH = 200;
const MAX_ENQUEUE = 1000;

/**
 * Group commit for deliveries (GroupCommit): requests arriving while a batch is being written form the next
 * one, which is one INSERT (one commit, one WAL flush) for all of them. Alone, a request is written at once;
 * under load each request still waits for its own row to be committed, but the database sees one round trip
 * per batch instead of one per delivery. Copies of one delivery never share a batch: the first one stored is
 * new, the others are duplicates.
 *
 * A request waits for its commit, not for Redis: the new rows are handed to BullMQ right after (one addBulk
 * for everything committed meanwhile) while the answers go out and the next batch is written. An
 * acknowledged delivery is safe either way: should the enqueue fail, or the process die before it, the row is
 * still `received` and the relay enqueues it.
 *
 * One delivery the database refuses must not fail the others of its batch (they may be any tenant's): a
 * failed batch is written again row by row, so only the refused row fails (400 naming the body). When the
 * database is unavailable every delivery of the batch gets the 503 at once.
 */
@Injectable()
export class DeliveryInbox implements OnModuleDestroy {
  private readonly batches: GroupCommit<NewWebhookEvent, boolean>;
  private readonly toEnqueue: string[] = [];
  private enqueuing: Promise<void> | undefined;

  constructor(
    private readonly events: WebhookEventRepository,
    private readonly enqueuer: WebhookEnqueuer,
  ) {
    this.batches = new GroupCommit((batch) => this.write(batch), {
      maxBatch: MAX_BATCH,
      key: (event) => event.deliveryId,
    });
  }

  /** Resolves true once the delivery is committed, false for a known delivery id; rejects when not stored. */
  submit(event: NewWebhookEvent): Promise<boolean> {
    return this.batches.submit(event);
  }

  /** Before Redis and the database close: the enqueues of answered deliveries finish, then their status. */
  async onModuleDestroy(): Promise<void> {
    await this.enqueuing;
    await this.enqueuer.flushQueued();
  }

  private async write(batch: NewWebhookEvent[]): Promise<Settled<boolean>[]> {
    let inserted: Set<string>;
    try {
      inserted = await this.events.insertReceived(batch);
    } catch (error) {
      if (batch.length === 1 || error instanceof UnavailableError) return batch.map(() => rejected(error));
      return this.writeOneByOne(batch);
    }
    if (inserted.size > 0) this.enqueueSoon([...inserted]);
    return batch.map((event) => fulfilled(inserted.has(event.deliveryId)));
  }

  /** A batch that failed as a whole, again one statement per delivery: each gets its own outcome. */
  private async writeOneByOne(batch: NewWebhookEvent[]): Promise<Settled<boolean>[]> {
    const settled = await Promise.all(
      batch.map(async (event): Promise<Settled<boolean>> => {
        try {
          return fulfilled((await this.events.insertReceived([event])).has(event.deliveryId));
        } catch (error) {
          return rejected(error);
        }
      }),
    );
    const inserted = batch.filter((event, i) => {
      const outcome = settled[i];
      return outcome?.ok === true && outcome.value;
    });
    if (inserted.length > 0) this.enqueueSoon(inserted.map((event) => event.deliveryId));
    return settled;
  }

  private enqueueSoon(deliveryIds: string[]): void {
    this.toEnqueue.push(...deliveryIds);
    this.enqueuing ??= this.drainEnqueues();
  }

  /** One addBulk at a time, for everything committed since the last one (enqueueNew never throws). */
  private async drainEnqueues(): Promise<void> {
    try {
      while (this.toEnqueue.length > 0) await this.enqueuer.enqueueNew(this.toEnqueue.splice(0, MAX_ENQUEUE));
    } finally {
      this.enqueuing = undefined;
    }
  }
}
