import { Agent, request } from 'node:http';
import { cpuSeconds } from './cpu-meter.js';
import { percentile } from './webhook-load.js';

/** Load generation for `npm run bench:api`: token-authenticated GETs over keep-alive node:http. */
export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function get(url: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

async function ok(url: string, token: string): Promise<void> {
  const { status, body } = await get(url, token);
  if (status !== 200) throw new Error(`GET ${url} answered ${status}: ${body.slice(0, 300)}`);
}

/** CPU ms the process `pid` spends per request, sent one after another (after a warm-up). */
export async function serialCpuMs(pid: number, url: string, token: string, count: number): Promise<number> {
  for (let i = 0; i < Math.min(200, count); i++) await ok(url, token);
  const before = cpuSeconds(pid);
  for (let i = 0; i < count; i++) await ok(url, token);
  return ((cpuSeconds(pid) - before) * 1000) / count;
}

export interface OpenLoop {
  p50: number;
  p95: number;
  p99: number;
  /** CPU ms of `pid` per request during the run. */
  cpuMs: number;
  late: number;
}

/**
 * Open loop: `rate` requests per second for `seconds`, each sent at its scheduled time whatever the
 * answers before it; latency from sending to the end of the answer. `late` counts requests the load
 * generator itself sent more than 5 ms after their time (a busy machine).
 */
export async function openLoop(
  pid: number,
  url: string,
  token: string,
  rate: number,
  seconds: number,
): Promise<OpenLoop> {
  const count = Math.round(rate * seconds);
  const latencies: number[] = [];
  let late = 0;
  const before = cpuSeconds(pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const due = started + (i * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      const t0 = performance.now();
      if (t0 - due > 5) late++;
      await ok(url, token);
      latencies.push(performance.now() - t0);
    }),
  );
  const cpuMs = ((cpuSeconds(pid) - before) * 1000) / count;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuMs,
    late,
  };
}

/** The first path where two JSON values differ (`null` when equal), ignoring the keys in `volatile`. */
export function firstDifference(a: unknown, b: unknown, volatile: Set<string>, at = '$'): string | null {
  if (typeof a !== typeof b || Array.isArray(a) !== Array.isArray(b) || (a === null) !== (b === null)) {
    return at;
  }
  if (a && typeof a === 'object' && b && typeof b === 'object') {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    for (const key of keys) {
      if (volatile.has(key)) continue;
      const diff = firstDifference(x[key], y[key], volatile, `${at}.${key}`);
      if (diff) return diff;
    }
    return null;
  }
  return a === b ? null : at;
}
