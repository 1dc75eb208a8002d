import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '#libs/config';

export const DASHBOARD_COOKIE = 'gms_queues';
const SESSION_MS = 8 * 3600 * 1000;

/**
 * Browser sessions of the queue dashboard: an HttpOnly cookie holding the API token's *hash* (useless as
 * a bearer token), an expiry and an HMAC (key derived from ENCRYPTION_KEY). Every request re-checks the
 * token, so revoking it or demoting its user ends the session.
 */
export class DashboardSessions {
  private readonly key: Buffer;

  constructor(config: Pick<AppConfig, 'secrets'>) {
    const secret = config.secrets.keys.get(config.secrets.activeKeyId);
    if (!secret) throw new Error('the active encryption key is missing');
    this.key = Buffer.from(hkdfSync('sha256', secret, 'github-mcp-sync', 'queue-dashboard-session', 32));
  }

  readonly maxAgeSeconds = SESSION_MS / 1000;

  issue(tokenHash: string, now = Date.now()): string {
    const payload = `${tokenHash}.${now + SESSION_MS}`;
    return `${payload}.${this.sign(payload)}`;
  }

  /** The token hash of a valid, unexpired session cookie. */
  verify(value: string | undefined, now = Date.now()): string | undefined {
    const [hash, expires, signature] = value?.split('.') ?? [];
    if (!hash || !expires || !signature || !/^[0-9a-f]{64}$/.test(hash)) return undefined;
    const expected = Buffer.from(this.sign(`${hash}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return Number(expires) > now ? hash : undefined;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

export { readCookie } from '#libs/auth';
