import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WEBHOOK_ENV } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, startSystem } from './support/system.js';

const FORGERIES = 20;

/**
 * The forging client, in its own process so that writing 500 MB does not run on the API's event loop (the
 * API runs in this jest process): 25 MB of valid JSON that is expensive to parse, sent `count` times at
 * once with a forged signature; prints the answers' statuses (0: the server closed the connection).
 */
const FORGER = `
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
const [url, count] = [process.env.FORGE_URL, Number(process.env.FORGE_COUNT)];
const size = 25 * 1024 * 1024 - 64;
const item = '{"id":1},';
const body = Buffer.alloc(size, 0x20);
body.write('{"action":"opened","items":[');
let at = 30;
while (at + item.length + 16 < size) at += body.write(item, at);
body.write('{"id":1}]}', at);
const forge = () => new Promise((resolve) => {
  const req = request(url + '/webhooks/github-mcp/', { method: 'POST', headers: {
    'content-type': 'application/json', 'content-length': body.length, 'x-github-event': 'issues',
    'x-github-delivery': randomUUID(), 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) } });
  req.once('response', (res) => { res.resume(); res.once('end', () => resolve(res.statusCode ?? 0)); });
  req.once('error', () => resolve(0));
  req.end(body);
});
process.stdout.write('started\\n');
const statuses = await Promise.all(Array.from({ length: count }, forge));
process.stdout.write(JSON.stringify(statuses) + '\\n');
`;

function startForger(url: string, count: number): { started: Promise<void>; statuses: Promise<number[]> } {
  const child = spawn(process.execPath, ['--input-type=module', '-e', FORGER], {
    env: { FORGE_URL: url, FORGE_COUNT: String(count) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let onStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('started')) onStarted();
  });
  const statuses = new Promise<number[]>((resolve, reject) => {
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('[')) reject(new Error(`the forger exited ${code}: ${out}`));
      else resolve(JSON.parse(last) as number[]);
    });
  });
  return { started, statuses };
}

async function liveness(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${url}/health/live`);
  await res.arrayBuffer();
  expect(res.status).toBe(200);
  return performance.now() - started;
}

/**
 * Issue 17: unauthenticated load on the webhook route must not stall the API. `*.alone.e2e.ts`: `npm test`
 * runs it by itself, after the other files, so the figure is this route's and not a neighbour's.
 */
describe('webhook route under forged 25 MB bodies', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ repos: [], env: WEBHOOK_ENV, worker: false });
  });

  afterAll(async () => {
    await system?.close();
  });

  it(`keeps GET /api/health/live under 100 ms (median) while ${FORGERIES} forgeries are in flight`, async () => {
    await liveness(system.apiUrl); // warm
    const forger = startForger(system.apiUrl, FORGERIES);
    let settled = false;
    void forger.statuses.finally(() => {
      settled = true;
    });
    await forger.started;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Only requests sent while forgeries were still being answered count.
    const latencies: number[] = [];
    while (!settled && latencies.length < 200) {
      const latency = await liveness(system.apiUrl);
      if (!settled) latencies.push(latency);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const statuses = await forger.statuses;
    expect(statuses).toHaveLength(FORGERIES);
    expect(statuses.filter((s) => s >= 200 && s < 300)).toEqual([]);
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    const sorted = [...latencies].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    process.stderr.write(
      `liveness while ${FORGERIES} forgeries were in flight: median ${median.toFixed(1)} ms, ` +
        `max ${(sorted.at(-1) as number).toFixed(1)} ms over ${sorted.length} requests\n`,
    );
    expect(median).toBeLessThan(100);
  }, 120_000);
});
