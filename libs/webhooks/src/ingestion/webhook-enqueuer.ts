import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { UnavailableError } from '#libs/common';
import { WebhookEventRepository } from '#libs/db';
import { JobName, JobQueue, QueueName } from '#libs/queue';

/** An enqueue that takes longer than this is treated as "Redis unavailable" (the relay retries it). */
export const ENQUEUE_TIMEOUT_MS = 1000;
/** After a failed enqueue, requests stop trying Redis for this long (or until the relay succeeds). */
const PAUSE_AFTER_FAILURE_MS = 30_000;
const MARK_QUEUED_AFTER_MS = 10;

/**
 * Puts `process_webhook_event` jobs on the queue with job id = delivery id (BullMQ ignores a second add of
 * an existing id) and moves the row received → queued. Deliveries are answered before their enqueue
 * (DeliveryInbox); after one failure the enqueueing is left to the relay until it reports Redis back.
 */
@Injectable()
export class WebhookEnqueuer implements OnModuleDestroy {
  private readonly logger = new Logger(WebhookEnqueuer.name);
  private pausedUntil = 0;
  private readonly toMarkQueued: string[] = [];
  private markTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: JobQueue,
    private readonly events: WebhookEventRepository,
  ) {}

  /**
   * Ingestion path: one round trip for the deliveries committed together (BullMQ addBulk, job id = delivery
   * id), then the status, batched. Never throws: committed events are the relay's to finish when Redis fails.
   */
  async enqueueNew(deliveryIds: string[]): Promise<boolean> {
    if (deliveryIds.length === 0) return true;
    if (Date.now() < this.pausedUntil) return false;
    try {
      const options = this.queue.options(JobName.ProcessWebhookEvent);
      await withTimeout(
        this.queue.queue(QueueName.Webhooks).addBulk(
          deliveryIds.map((deliveryId) => ({
            name: JobName.ProcessWebhookEvent,
            data: { deliveryId },
            opts: { ...options, jobId: deliveryId },
          })),
        ),
      );
    } catch (error) {
      if (Date.now() >= this.pausedUntil) {
        this.logger.warn(
          `Redis unavailable, webhook events are committed and left to the relay: ${message(error)}`,
        );
      }
      this.pausedUntil = Date.now() + PAUSE_AFTER_FAILURE_MS;
      return false;
    }
    for (const deliveryId of deliveryIds) this.markQueuedSoon(deliveryId);
    return true;
  }

  /**
   * received → queued is bookkeeping, not durability: it is written after the answer, batched (one UPDATE
   * for the deliveries of a few milliseconds). Should it be lost, the relay finds the row still received,
   * its add is a no-op (the job exists) and it marks the row queued then.
   */
  private markQueuedSoon(deliveryId: string): void {
    this.toMarkQueued.push(deliveryId);
    this.markTimer ??= setTimeout(() => void this.flushQueued(), MARK_QUEUED_AFTER_MS);
  }

  async flushQueued(): Promise<void> {
    clearTimeout(this.markTimer);
    this.markTimer = undefined;
    const ids = this.toMarkQueued.splice(0);
    if (ids.length === 0) return;
    try {
      await this.events.markQueued(ids);
    } catch (error) {
      this.logger.warn(`${ids.length} enqueued webhook event(s) not marked queued yet: ${message(error)}`);
    }
  }

  /** Before the database client closes (modules close after the ones that use them). */
  async onModuleDestroy(): Promise<void> {
    await this.flushQueued();
  }

  /**
   * Relay and replay path: enqueues even when a finished job with this id is still kept in Redis (a replayed
   * event); a job still waiting or running is left alone (false). Throws UnavailableError when Redis is down.
   */
  async enqueueAgain(deliveryId: string): Promise<boolean> {
    const job = await withTimeout(this.queue.queue(QueueName.Webhooks).getJob(deliveryId)).catch(
      (error: unknown) => {
        throw new UnavailableError('Redis is unavailable', { cause: error });
      },
    );
    if (job) {
      const state = await withTimeout(job.getState());
      if (state !== 'completed' && state !== 'failed') return false;
      await withTimeout(job.remove());
    }
    await this.add(deliveryId);
    return true;
  }

  /** The relay reached Redis: requests may enqueue again. */
  resume(): void {
    this.pausedUntil = 0;
  }

  private async add(deliveryId: string): Promise<void> {
    await withTimeout(this.queue.enqueue(JobName.ProcessWebhookEvent, { deliveryId }, deliveryId));
  }
}

function withTimeout<T>(promise: Promise<T>, ms = ENQUEUE_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new UnavailableError(`Redis did not answer within ${ms} ms`)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function message(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const text = error instanceof Error ? error.message : String(error);
  return cause instanceof Error ? `${text} (${cause.message})` : text;
}
