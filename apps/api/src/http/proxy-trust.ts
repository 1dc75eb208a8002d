import { BlockList, isIP } from 'node:net';
import { PROXY_RANGE_NAMES, type TrustProxy } from '#libs/config';

/** Whether the peer at `hop` (0: the socket's, 1: the last X-Forwarded-For entry, …) is a trusted proxy. */
export type ProxyTrust = (address: string | undefined, hop: number) => boolean;

const RANGES: Record<(typeof PROXY_RANGE_NAMES)[number], string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** `::ffff:10.0.0.1` (an IPv4 peer of a dual-stack socket) → `10.0.0.1`. */
function unmapped(address: string): string {
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
}

const lists = new WeakMap<string[], ProxyTrust>();

/**
 * TRUST_PROXY as a function, given to fastify as `trustProxy` (req.ip, req.protocol, req.host) and used
 * by the route fastify does not serve (webhooks), so every place agrees on who the client is.
 */
export function proxyTrust(setting: TrustProxy): ProxyTrust {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  const cached = lists.get(setting);
  if (cached) return cached;
  const list = new BlockList();
  for (const entry of setting.flatMap((e) => RANGES[e as keyof typeof RANGES] ?? [e])) {
    const [ip = '', bits] = entry.split('/');
    if (bits === undefined) list.addAddress(ip, family(ip));
    else list.addSubnet(ip, Number(bits), family(ip));
  }
  const trust: ProxyTrust = (address) => {
    const plain = address ? unmapped(address) : '';
    return isIP(plain) !== 0 && list.check(plain, family(plain));
  };
  lists.set(setting, trust);
  return trust;
}

/**
 * The client's address as fastify (and express) compute `req.ip`: from the socket's peer outward through
 * X-Forwarded-For (last entry first), the first peer that is not a trusted proxy.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: ProxyTrust,
): string | undefined {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const forwarded = header
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean)
    .reverse();
  const hops = [socketAddress, ...forwarded];
  for (let hop = 0; hop < hops.length - 1; hop += 1) {
    if (!trust(hops[hop], hop)) return hops[hop];
  }
  return hops[hops.length - 1];
}
