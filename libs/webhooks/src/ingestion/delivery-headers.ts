import { UnauthorizedError, ValidationError } from '#libs/common';

export type HeaderBag = Record<string, string | string[] | undefined>;

const EVENT = /^[a-z_]{1,64}$/;
/** GitHub sends a GUID; anything else must still be usable as a BullMQ job id (no ':'). */
const DELIVERY = /^[A-Za-z0-9_-]{1,100}$/;

export function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  const first = Array.isArray(value) ? value[0] : value;
  const trimmed = first?.trim();
  return trimmed ? trimmed : undefined;
}

/** `X-Hub-Signature-256: sha256=<hex>`; absent → 401. */
export function requireSignature(headers: HeaderBag): string {
  const signature = header(headers, 'x-hub-signature-256');
  if (!signature) throw new UnauthorizedError('missing X-Hub-Signature-256 signature');
  return signature;
}

/** `X-GitHub-Event` and `X-GitHub-Delivery`; absent or malformed → 400 naming the header. */
export function requireDeliveryHeaders(headers: HeaderBag): { event: string; deliveryId: string } {
  const event = header(headers, 'x-github-event');
  if (!event) throw new ValidationError('missing X-GitHub-Event header', 'X-GitHub-Event');
  if (!EVENT.test(event)) throw new ValidationError('X-GitHub-Event is not an event name', 'X-GitHub-Event');
  const deliveryId = header(headers, 'x-github-delivery');
  if (!deliveryId) throw new ValidationError('missing X-GitHub-Delivery header', 'X-GitHub-Delivery');
  if (!DELIVERY.test(deliveryId)) {
    throw new ValidationError('X-GitHub-Delivery must be a GUID', 'X-GitHub-Delivery');
  }
  return { event, deliveryId };
}
