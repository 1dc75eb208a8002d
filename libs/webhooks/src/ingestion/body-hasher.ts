import { type Hash, type Hmac, createHash, createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/**
 * HMAC-SHA256 of a body for each deployment secret, and its SHA-256, computed chunk by chunk as the body
 * arrives: a 25 MB body never blocks the event loop for one long hash, and nothing is parsed before the
 * signature is checked.
 */
export class BodyHasher {
  private readonly hmacs: Hmac[];
  private readonly hash: Hash = createHash('sha256');
  private digests: { hmacs: Buffer[]; sha256: string } | undefined;

  constructor(secrets: readonly string[]) {
    this.hmacs = secrets.map((secret) => createHmac('sha256', secret));
  }

  update(chunk: Buffer): void {
    for (const hmac of this.hmacs) hmac.update(chunk);
    this.hash.update(chunk);
  }

  /** True when one of the secrets signed the body (`X-Hub-Signature-256: sha256=<hex>`, constant time). */
  matches(signature: string): boolean {
    const expected = signatureBytes(signature);
    if (!expected) return false;
    return this.finish().hmacs.some((hmac) => timingSafeEqual(hmac, expected));
  }

  /** The body's SHA-256 (hex). */
  sha256(): string {
    return this.finish().sha256;
  }

  private finish(): { hmacs: Buffer[]; sha256: string } {
    this.digests ??= { hmacs: this.hmacs.map((h) => h.digest()), sha256: this.hash.digest('hex') };
    return this.digests;
  }
}

/**
 * HMAC-SHA256 of `body` (its raw bytes, whole or in chunks) with `secret` against the signature header,
 * constant time.
 */
export function signedWith(secret: string, body: readonly Buffer[], signature: string): boolean {
  const expected = signatureBytes(signature);
  if (expected === undefined) return false;
  const hmac = createHmac('sha256', secret);
  for (const chunk of body) hmac.update(chunk);
  return timingSafeEqual(hmac.digest(), expected);
}

function signatureBytes(signature: string): Buffer | undefined {
  const hex = SIGNATURE.exec(signature.trim())?.[1];
  return hex ? Buffer.from(hex, 'hex') : undefined;
}
