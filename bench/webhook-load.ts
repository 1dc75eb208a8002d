import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhooks } from '@octokit/webhooks';

/** Load generation for `npm run bench:webhooks`: signed deliveries over keep-alive HTTP, and the floor. */
export interface Delivery {
  id: string;
  body: string;
  signature: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function summary(name: string, latencies: number[], wallMs: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const stats = {
    perSecond: latencies.length / (wallMs / 1000),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
  console.log(
    `${name}: ${latencies.length} acks in ${(wallMs / 1000).toFixed(2)} s = ${stats.perSecond.toFixed(0)} acks/s; ` +
      `ack latency p50 ${stats.p50.toFixed(2)} ms, p95 ${stats.p95.toFixed(2)} ms, p99 ${stats.p99.toFixed(2)} ms`,
  );
  return stats;
}

/** Keep-alive connections, as GitHub's sender keeps them; node:http costs the load generator less than fetch. */
export const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export function post(url: string, delivery: Delivery): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(delivery.body),
          'user-agent': 'GitHub-Hookshot/bench',
          'x-github-event': 'issues',
          'x-github-delivery': delivery.id,
          'x-hub-signature-256': delivery.signature,
        },
      },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    req.end(delivery.body);
  });
}

/** Closed loop: C requests in flight until all are sent; returns per-request latencies and the wall time. */
export async function load(url: string, deliveries: Delivery[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < deliveries.length) {
        const delivery = deliveries[next++] as Delivery;
        const t0 = performance.now();
        const status = await post(url, delivery);
        if (status !== 202) throw new Error(`delivery answered ${status}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started };
}

/** The floor: a bare node:http server that reads the body and verifies the signature, nothing else. */
export async function startFloor(secret: string): Promise<{ url: string; close: () => Promise<void> }> {
  const webhooks = new Webhooks({ secret });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void webhooks.verify(body, String(req.headers['x-hub-signature-256'])).then((ok) => {
        res.writeHead(ok ? 202 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: 'queued', delivery_id: req.headers['x-github-delivery'] }));
      });
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
