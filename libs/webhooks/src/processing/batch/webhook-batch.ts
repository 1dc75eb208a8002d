import { Logger } from '@nestjs/common';
import type { ClaimedWebhookEvent, GitHubWebhookEvent, WebhookEventRepository } from '#libs/db';
import { PermanentJobError, classifyFailure, isFinalAttempt } from '#libs/queue';
import { mapLimit } from '#libs/sync';
import type { EventOutcome } from '../outcome.js';
import type { WebhookEventRouter } from '../webhook-event.router.js';
import { type Settled, fulfilled, rejected } from '#libs/common';
import type { ClaimedDelivery, IssueFastPath } from './issue-fast-path.js';

/** What the job returns (metrics are recorded from it). */
export interface WebhookJobResult {
  event_type: string;
  action: string | null;
  status: string;
  /** The event had settled already (a duplicate job): nothing was done. */
  skipped?: boolean;
}

/** One `process_webhook_event` job waiting for its batch. */
export interface WebhookBatchItem {
  deliveryId: string;
  attemptsMade: number;
  maxAttempts: number;
}

interface Claimed {
  index: number;
  item: WebhookBatchItem;
  event: GitHubWebhookEvent;
}

/** Events of a batch on the single-event path at once (as many as jobs ran side by side before batching). */
const ROUTE_CONCURRENCY = 8;

/**
 * One batch of deliveries: one claim for all, the `issues` snapshots of linked issues in one transaction
 * (IssueFastPath), every other event through WebhookEventRouter as before, one finish for all that
 * completed. Each delivery keeps its own lifecycle — received/queued → processing → processed | ignored, or
 * back to queued with the error while BullMQ retries, failed when no attempt is left or retrying cannot
 * help — and its job gets exactly the result or error it would have had alone.
 */
export class WebhookBatch {
  private readonly logger = new Logger('ProcessWebhookEventHandler');

  constructor(
    private readonly events: WebhookEventRepository,
    private readonly router: WebhookEventRouter,
    private readonly fastPath: IssueFastPath | undefined,
  ) {}

  async run(items: WebhookBatchItem[]): Promise<Settled<WebhookJobResult>[]> {
    let claims: Map<string, ClaimedWebhookEvent>;
    try {
      claims = await this.events.claimMany(
        items.map((i) => ({ deliveryId: i.deliveryId, failedAttempts: i.attemptsMade })),
      );
    } catch (error) {
      return items.map(() => rejected(error));
    }
    const results = new Array<Settled<WebhookJobResult>>(items.length);
    const claimed: Claimed[] = [];
    items.forEach((item, index) => {
      const claim = claims.get(item.deliveryId);
      if (!claim) {
        results[index] = rejected(new PermanentJobError(`webhook event ${item.deliveryId} does not exist`));
      } else if (!claim.claimed) {
        results[index] = fulfilled({ ...summary(claim.event), status: claim.event.status, skipped: true });
      } else {
        claimed.push({ index, item, event: claim.event });
      }
    });
    const outcomes = await this.outcomes(claimed);
    const finished = claimed.flatMap((c) => {
      const outcome = outcomes.get(c.event.deliveryId);
      return outcome?.ok ? [{ deliveryId: c.event.deliveryId, ...outcome.value }] : [];
    });
    let finishError: { error: unknown } | undefined;
    try {
      await this.events.finishMany(finished);
    } catch (error) {
      finishError = { error };
    }
    await Promise.all(
      claimed.map(async (c) => {
        const outcome = outcomes.get(c.event.deliveryId) ?? rejected(new Error('no outcome'));
        if (outcome.ok && !finishError) {
          results[c.index] = fulfilled({ ...summary(c.event), status: outcome.value.status });
        } else {
          const error = outcome.ok ? finishError?.error : outcome.error;
          results[c.index] = rejected(await this.recordFailure(c, error));
        }
      }),
    );
    return results;
  }

  /** Each claimed event's outcome, or the error that failed it. */
  private async outcomes(claimed: Claimed[]): Promise<Map<string, Settled<EventOutcome>>> {
    const outcomes = new Map<string, Settled<EventOutcome>>();
    const deliveries: ClaimedDelivery[] = [];
    for (const { event, item } of claimed) {
      const body = event.payload;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        outcomes.set(
          event.deliveryId,
          rejected(new PermanentJobError('the stored payload is not a JSON object')),
        );
      } else {
        deliveries.push({ event, payload: body as Record<string, unknown>, attemptsMade: item.attemptsMade });
      }
    }
    const split = this.fastPath
      ? await this.fastPath.split(deliveries)
      : { outcomes: new Map<string, EventOutcome>(), fast: [], rest: deliveries };
    for (const [deliveryId, outcome] of split.outcomes) outcomes.set(deliveryId, fulfilled(outcome));
    // The other events go their own way meanwhile; they take the same issue locks one at a time.
    const routed = this.route(split.rest, outcomes);
    if (this.fastPath && split.fast.length > 0) {
      try {
        const applied = await this.fastPath.apply(split.fast);
        for (const [deliveryId, outcome] of applied.outcomes) outcomes.set(deliveryId, fulfilled(outcome));
        await this.route(applied.deferred, outcomes);
      } catch (error) {
        // The transaction failed as a whole: nothing of it was written, every event of it failed.
        for (const f of split.fast) outcomes.set(f.delivery.event.deliveryId, rejected(error));
      }
    }
    await routed;
    return outcomes;
  }

  private async route(deliveries: ClaimedDelivery[], outcomes: Map<string, Settled<EventOutcome>>) {
    await mapLimit(deliveries, ROUTE_CONCURRENCY, async ({ event, payload }) => {
      try {
        outcomes.set(event.deliveryId, fulfilled(await this.router.route({ event, payload })));
      } catch (error) {
        outcomes.set(event.deliveryId, rejected(error));
      }
    });
  }

  /** Back to queued with the error while attempts are left, failed otherwise; returns the error to throw. */
  private async recordFailure({ event, item }: Claimed, error: unknown): Promise<unknown> {
    const outcome = classifyFailure(error);
    if (outcome.kind === 'control') return error;
    const final = isFinalAttempt(outcome, item);
    const message = error instanceof Error ? error.message : String(error);
    try {
      await this.events.recordFailure(event.deliveryId, message, item.attemptsMade + 1, final);
    } catch (recordError) {
      this.logger.error(
        `could not record the failure of ${event.deliveryId}: ${(recordError as Error).message}`,
      );
    }
    return error;
  }
}

function summary(event: GitHubWebhookEvent) {
  return { event_type: event.eventType, action: event.action };
}
