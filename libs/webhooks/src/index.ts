export { WebhookEventsService } from './events/webhook-events.service.js';
export { type HeaderBag } from './ingestion/delivery-headers.js';
export { WebhookSignatureVerifier } from './ingestion/signature-verifier.js';
export { WebhookEnqueuer } from './ingestion/webhook-enqueuer.js';
export {
  type IngestResult,
  type WebhookDelivery,
  WebhookIngestionService,
} from './ingestion/webhook-ingestion.service.js';
export { type EventOutcome } from './processing/outcome.js';
export {
  ProcessWebhookEventHandler,
  type WebhookJobResult,
} from './processing/process-webhook-event.handler.js';
export { type RelayPass, WebhookRelay } from './relay/webhook-relay.service.js';
export { WEBHOOK_MAX_BODY_BYTES } from './limits.js';
export { WebhooksApiModule, WebhooksWorkerModule } from './webhooks.module.js';
