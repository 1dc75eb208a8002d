import { Injectable, Logger } from '@nestjs/common';
import { WebhookEventRepository } from '#libs/db';
import {
  type JobContext,
  type JobName,
  type JobPayloads,
  PermanentJobError,
  isJobControlSignal,
} from '#libs/queue';
import { WebhookEventRouter } from './webhook-event.router.js';

/** What the job returns (metrics are recorded from it). */
export interface WebhookJobResult {
  event_type: string;
  action: string | null;
  status: string;
  /** The event had settled already (a duplicate job): nothing was done. */
  skipped?: boolean;
}

/**
 * `process_webhook_event`: applies one stored delivery and keeps its row honest —
 * received/queued → processing → processed | ignored, or back to queued with the error while BullMQ
 * retries (exponential backoff), failed when no attempt is left or retrying cannot help.
 */
@Injectable()
export class ProcessWebhookEventHandler {
  private readonly logger = new Logger(ProcessWebhookEventHandler.name);

  constructor(
    private readonly events: WebhookEventRepository,
    private readonly router: WebhookEventRouter,
  ) {}

  async handle(
    payload: JobPayloads[JobName.ProcessWebhookEvent],
    context: JobContext,
  ): Promise<WebhookJobResult> {
    const claim = await this.events.claim(payload.deliveryId, context.attemptsMade);
    if (!claim) throw new PermanentJobError(`webhook event ${payload.deliveryId} does not exist`);
    const { event } = claim;
    const summary = { event_type: event.eventType, action: event.action };
    if (!claim.claimed) return { ...summary, status: event.status, skipped: true };
    try {
      const body = event.payload;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new PermanentJobError('the stored payload is not a JSON object');
      }
      const outcome = await this.router.route({ event, payload: body as Record<string, unknown> });
      await this.events.finish(event.deliveryId, outcome);
      return { ...summary, status: outcome.status };
    } catch (error) {
      if (isJobControlSignal(error)) throw error;
      const final = error instanceof PermanentJobError || context.attemptsMade + 1 >= context.maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      try {
        await this.events.recordFailure(event.deliveryId, message, context.attemptsMade + 1, final);
      } catch (recordError) {
        this.logger.error(
          `could not record the failure of ${event.deliveryId}: ${(recordError as Error).message}`,
        );
      }
      throw error;
    }
  }
}
