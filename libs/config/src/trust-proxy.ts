import { isIP } from 'node:net';

/**
 * Which peers may set X-Forwarded-For/-Proto/-Host/-Prefix: `false` (none), a hop count (that many proxies
 * in front of the API), or addresses / CIDR subnets / `loopback`, `linklocal`, `uniquelocal` of the
 * proxies — what fastify's `trustProxy` (and express's `trust proxy`) takes, except `true` (every hop: the client could forge its address).
 */
export type TrustProxy = false | number | string[];

export const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

const TRUST_ALL = new Set(['true', 'yes', 'on']);
const TRUST_NONE = new Set(['', 'false', 'no', 'off', '0']);

export const TRUST_ALL_MESSAGE =
  'must be a hop count or a list of proxy addresses, not true: true trusts every X-Forwarded-For hop, ' +
  'so any client can forge its address; use a hop count, e.g. TRUST_PROXY=1 for one reverse proxy';
export const TRUST_PROXY_MESSAGE =
  'must be false, a hop count (e.g. 1) or a comma-separated list of proxy IPs, CIDR subnets ' +
  `(10.0.0.0/8) or ${PROXY_RANGE_NAMES.join(', ')}`;

export function trustsEveryHop(value: string | undefined): boolean {
  return TRUST_ALL.has((value ?? '').trim().toLowerCase());
}

function proxyEntry(entry: string): boolean {
  if ((PROXY_RANGE_NAMES as readonly string[]).includes(entry)) return true;
  const [ip = '', bits, extra] = entry.split('/');
  const version = isIP(ip);
  if (version === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
}

/** The TRUST_PROXY setting, or undefined when the value is not one (see TRUST_PROXY_MESSAGE). */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const text = (value ?? '').trim();
  if (TRUST_NONE.has(text.toLowerCase())) return false;
  if (trustsEveryHop(text)) return undefined;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 100 ? hops : undefined;
  }
  const entries = text.split(',').map((e) => e.trim());
  return entries.every(proxyEntry) ? entries : undefined;
}
