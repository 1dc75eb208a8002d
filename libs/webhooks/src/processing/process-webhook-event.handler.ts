import { Injectable, Optional } from '@nestjs/common';
import { WebhookEventRepository } from '#libs/db';
import type { JobContext, JobName, JobPayloads } from '#libs/queue';
import { GroupCommit } from '#libs/common';
import { IssueFastPath } from './batch/issue-fast-path.js';
import { WebhookBatch, type WebhookBatchItem, type WebhookJobResult } from './batch/webhook-batch.js';
import { WebhookEventRouter } from './webhook-event.router.js';

export type { WebhookJobResult };

/** Deliveries processed together at most (the worker runs WEBHOOK_WORKER_CONCURRENCY jobs at a time). */
const MAX_BATCH = 100;
/**
 * Under load a batch waits this long for more deliveries before it starts (GroupCommit's linger): each
 * batch costs a dozen statements whatever its size, so at 500 deliveries/s batches of about 4 become about
 * 10, for about 10 ms more from delivery to workspace issue. A delivery arriving when the worker is idle
 * starts at once.
 */
const BATCH_LINGER_MS = 10;

/**
 * `process_webhook_event`: applies one stored delivery and keeps its row honest —
 * received/queued → processing → processed | ignored, or back to queued with the error while BullMQ
 * retries (exponential backoff), failed when no attempt is left or retrying cannot help.
 *
 * Group commit: the deliveries of jobs that arrive while a batch is being processed are processed together
 * as the next batch (WebhookBatch: one claim, one transaction for the `issues` snapshots of linked issues,
 * one finish); each job still resolves or fails with its own result. Without the fast path (tests that
 * stub the router) every event goes through the router.
 */
@Injectable()
export class ProcessWebhookEventHandler {
  private readonly batches: GroupCommit<WebhookBatchItem, WebhookJobResult>;

  constructor(
    events: WebhookEventRepository,
    router: WebhookEventRouter,
    @Optional() fastPath?: IssueFastPath,
  ) {
    const batch = new WebhookBatch(events, router, fastPath);
    this.batches = new GroupCommit((items) => batch.run(items), {
      maxBatch: MAX_BATCH,
      key: (item) => item.deliveryId,
      lingerMs: BATCH_LINGER_MS,
    });
  }

  handle(payload: JobPayloads[JobName.ProcessWebhookEvent], context: JobContext): Promise<WebhookJobResult> {
    return this.batches.submit({
      deliveryId: payload.deliveryId,
      attemptsMade: context.attemptsMade,
      maxAttempts: context.maxAttempts,
    });
  }
}
