import { createHmac, randomUUID } from 'node:crypto';

export const TEST_WEBHOOK_SECRET = 'it-is-a-secret-to-everybody';

export function sign(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface DeliveryOptions {
  event?: string;
  deliveryId?: string;
  /** Object payloads are JSON-encoded; strings and buffers are sent as they are (default: a ping). */
  payload?: unknown;
  secret?: string | null;
  /** Replaces or (undefined value) removes headers. */
  headers?: Record<string, string | undefined>;
}

export interface DeliveryResponse {
  status: number;
  body: Record<string, unknown>;
  deliveryId: string;
}

/** POSTs a GitHub-style delivery to `${apiUrl}/webhooks/github-mcp/`. */
export async function deliver(apiUrl: string, options: DeliveryOptions = {}): Promise<DeliveryResponse> {
  const deliveryId = options.deliveryId ?? randomUUID();
  // The default ping names its delivery: a body already stored under another delivery id is a redelivery.
  const payload = options.payload ?? { zen: 'Keep it logically awesome.', hook_id: 1, delivery: deliveryId };
  const body = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
  const secret = options.secret === undefined ? TEST_WEBHOOK_SECRET : options.secret;
  const headers: Record<string, string | undefined> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/test',
    'x-github-event': options.event ?? 'ping',
    'x-github-delivery': deliveryId,
    ...(secret !== null ? { 'x-hub-signature-256': sign(secret, body) } : {}),
    ...options.headers,
  };
  const response = await fetch(`${apiUrl}/webhooks/github-mcp/`, {
    method: 'POST',
    headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
    body,
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed, deliveryId };
}
