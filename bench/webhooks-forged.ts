import { randomBytes } from 'node:crypto';
import { runMain } from '../scripts/lib/lifecycle.js';
import { step } from '../scripts/lib/log.js';
import { benchDatabase, machine, startBenchApps } from './support.js';
import { forge } from './webhook-forger.js';
import { percentile } from './webhook-load.js';

/**
 * `npm run bench:webhooks:forged [-- ROUNDS FORGERIES MB]`: unauthenticated load on the webhook route. Per
 * round, `GET /api/health/live` serially (20 ms apart) with nothing else going on, then while FORGERIES
 * forged MB-sized bodies (defaults 20 × 25, GitHub's limit) arrive at once; the API and the forger run in
 * processes of their own, the liveness client here. Prints each round's latencies and the forgeries'
 * answers (401: read, hashed and refused; 503: shed before its body was read, WEBHOOK_MAX_UNVERIFIED_BODIES;
 * 0: connection closed). Last line: medians over the rounds.
 */
const ROUNDS = Number(process.argv[2] ?? 3);
const FORGERIES = Number(process.argv[3] ?? 20);
const MB = Number(process.argv[4] ?? 25);

await runMain(async () => {
  const { db, databaseUrl, redisUrl } = await benchDatabase();
  await db.end();
  const { apiBase, api, worker } = await startBenchApps({
    databaseUrl,
    redisUrl,
    mcpUrl: 'http://127.0.0.1:9/mcp',
    env: { GITHUB_WEBHOOK_SECRET: randomBytes(16).toString('hex') },
  });
  const rounds: { idle: number[]; loaded: number[]; statuses: number[] }[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round += 1) {
      step(`round ${round}: liveness idle, then under ${FORGERIES} forged ${MB} MB bodies`);
      const idle: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        idle.push(await liveness(apiBase));
        await sleep(20);
      }
      const forgery = forge(apiBase, FORGERIES, MB);
      let settled = false;
      void forgery.statuses.finally(() => (settled = true)).catch(() => undefined);
      await forgery.started;
      await sleep(300);
      // Only requests answered while forgeries were still being answered count.
      const loaded: number[] = [];
      while (!settled) {
        const latency = await liveness(apiBase);
        if (!settled) loaded.push(latency);
        await sleep(20);
      }
      rounds.push({ idle, loaded, statuses: await forgery.statuses });
    }
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
  }

  console.log(`machine: ${machine()}`);
  for (const [i, { idle, loaded, statuses }] of rounds.entries()) {
    const answers = Object.entries(tally(statuses))
      .map(([status, n]) => `${n}× ${status}`)
      .join(', ');
    console.log(
      `round ${i + 1}: idle ${describe(idle)}; under forgeries ${describe(loaded)}; forgeries answered ${answers}`,
    );
  }
  const median = (pick: (r: (typeof rounds)[number]) => number) =>
    percentile(
      rounds.map(pick).sort((a, b) => a - b),
      50,
    );
  const leaked = rounds.some((r) => r.statuses.some((s) => s >= 200 && s < 300));
  console.log(
    `idle_live_p50_ms=${median((r) => p(r.idle, 50)).toFixed(1)} ` +
      `forged_live_p50_ms=${median((r) => p(r.loaded, 50)).toFixed(1)} ` +
      `forged_live_p95_ms=${median((r) => p(r.loaded, 95)).toFixed(1)} ` +
      `forged_live_max_ms=${Math.max(...rounds.map((r) => p(r.loaded, 100))).toFixed(1)} accepted=${leaked ? 'yes' : 'none'}`,
  );
  return leaked ? 1 : 0;
});

async function liveness(apiBase: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${apiBase}/health/live`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET /health/live answered ${res.status}`);
  return performance.now() - started;
}

function p(latencies: number[], at: number): number {
  return percentile(
    [...latencies].sort((a, b) => a - b),
    at,
  );
}

function describe(latencies: number[]): string {
  return `p50 ${p(latencies, 50).toFixed(1)} ms, p95 ${p(latencies, 95).toFixed(1)} ms, max ${p(latencies, 100).toFixed(1)} ms over ${latencies.length}`;
}

function tally(statuses: number[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
