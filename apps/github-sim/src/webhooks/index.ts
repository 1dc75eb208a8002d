export { webhookAdminRouter } from './admin-routes.js';
export { type CustomEventInput, customEvent } from './custom-events.js';
export { type DispatcherOptions, WebhookDispatcher } from './dispatcher.js';
export { type OutgoingEvent, toOutgoingEvent } from './event-payloads.js';
export type { DeliveryRecord, WebhookHook, WebhookHookInput } from './types.js';
