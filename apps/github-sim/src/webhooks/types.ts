export interface WebhookHookInput {
  /** Where deliveries are POSTed. */
  url: string;
  /** Signing secret ('' sends unsigned deliveries, as GitHub does without a secret). */
  secret: string;
  /** Event names to deliver, `['*']` (default) for all. `ping` is always sent. */
  events?: string[];
  /** Adds `installation: {id, node_id}` to payloads, as GitHub App webhooks do. */
  installationId?: number;
  /** Send a `ping` when the hook is created (default true, like GitHub). */
  ping?: boolean;
}

export interface WebhookHook {
  id: number;
  url: string;
  secret: string;
  events: string[];
  installationId: number | null;
  active: boolean;
  createdAt: string;
}

export interface DeliveryRecord {
  /** Delivery log id (redeliver with it). */
  id: number;
  /** `X-GitHub-Delivery` (kept on redelivery). */
  guid: string;
  hookId: number;
  event: string;
  action: string | null;
  redelivery: boolean;
  status: 'pending' | 'delivered' | 'failed';
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  deliveredAt: string | null;
  request: { headers: Record<string, string>; body: string };
  response: { body: string } | null;
}
