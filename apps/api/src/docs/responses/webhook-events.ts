import { z } from 'zod';
import { dateTime, json, page, webhookEventStatus } from './common.js';

/** presentWebhookEvent: a stored delivery (no headers or secrets are stored). */
export const webhookEventSchema = z
  .object({
    delivery_id: z.string(),
    event: z.string().meta({ example: 'issues' }),
    action: z.string().nullable(),
    status: webhookEventStatus,
    result: json('what processing did (JSON), or null'),
    error_message: z.string().nullable(),
    retry_count: z.number().int(),
    repository_github_id: z.string().nullable().describe('decimal string'),
    installation_id: z.string().nullable().describe('decimal string'),
    created_at: dateTime(),
    queued_at: dateTime().nullable(),
    processed_at: dateTime().nullable(),
    updated_at: dateTime(),
  })
  .meta({ id: 'WebhookEvent', description: 'A webhook delivery of the workspace' });
export type WebhookEventView = z.output<typeof webhookEventSchema>;

/** GET webhook-events/{deliveryId}: with the payload. */
export const webhookEventDetailSchema = webhookEventSchema
  .extend({ payload: json("GitHub's event payload") })
  .meta({ id: 'WebhookEventDetail' });
export type WebhookEventDetailView = z.output<typeof webhookEventDetailSchema>;

/** GET webhook-events. */
export const webhookEventPageSchema = page(webhookEventSchema, 'WebhookEventPage', 'Webhook deliveries');
