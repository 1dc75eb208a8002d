import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { Webhooks } from '@octokit/webhooks';
import { customEvent, startSimulator } from '../apps/github-sim/src/index.js';
import { runMain } from '../scripts/lib/lifecycle.js';
import { step } from '../scripts/lib/log.js';
import { freePort } from '../scripts/lib/proc.js';
import { type CpuSample, cpuMeter, perDelivery } from './cpu-meter.js';
import { benchDatabase, machine, seedBench, startBenchApps } from './support.js';
import { type Delivery, agent, load, percentile, post, startFloor, summary } from './webhook-load.js';

/**
 * `npm run bench:webhooks [-- N C E RATE]`: N signed `issues.edited` deliveries at concurrency C against the
 * API (each committed to Postgres before its 202), then the same load against a bare Node HTTP server that
 * only verifies the signature with @octokit/webhooks (the floor). Then min(N, 2500) deliveries paced at
 * 500/s (open loop: ack latency at that rate), and E deliveries paced at RATE/s for the end-to-end latency:
 * delivery sent → workspace issue written (the event's processed_at, set in the same job right after the
 * issue's transaction commits). Defaults: 5000 8 300 50. Postgres flushes every commit to disk (durable).
 * Last line: ack_p99_ms of the 500/s run, acks_per_s and vs_floor_ratio of the closed loop, e2e_p95_ms of
 * the RATE/s run.
 */
const N = Number(process.argv[2] ?? 5000);
const C = Number(process.argv[3] ?? 8);
const E = Number(process.argv[4] ?? 300);
const RATE = Number(process.argv[5] ?? 50);
const SECRET = randomBytes(16).toString('hex');
const ISSUES = 50;

await runMain(async () => {
  // Durable: every delivery's commit is flushed to disk before its 202, as in production.
  const { db, databaseUrl, redisUrl } = await benchDatabase({ durable: true });
  const durability = await db.query<{ fsync: string; synchronous_commit: string }>(
    `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
  );
  const sim = await startSimulator({
    port: await freePort(),
    seed: 1,
    repos: [{ owner: 'bench', name: 'hooks', issues: ISSUES, comments: 0, pullRequests: 0 }],
  });
  const {
    env,
    apiBase,
    api: apiApp,
    worker: workerApp,
  } = await startBenchApps({
    databaseUrl,
    redisUrl,
    mcpUrl: sim.mcpUrl,
    env: {
      GITHUB_WEBHOOK_SECRET: SECRET,
      // Only webhooks may touch the repository while measuring: no periodic sync of it.
      GITHUB_MCP_DEFAULT_SYNC_INTERVAL: '86400',
    },
  });
  await seedBench(env, ['bench/hooks'], { name: 'Hooks', identifier: 'HOOK' });
  await db.query('UPDATE github_repository_syncs SET last_synced_at = now()');
  const signer = new Webhooks({ secret: SECRET });
  const numbers = [...(sim.store.repo('bench', 'hooks')?.items.keys() ?? [])];
  let stamp = Date.UTC(2030, 0, 1);
  const make = async (i: number): Promise<Delivery> => {
    stamp += 1000;
    const payload = customEvent(sim.store, {
      event: 'issues',
      action: 'edited',
      repository: 'bench/hooks',
      number: numbers[i % numbers.length],
      payload: { issue: { title: `Bench edit ${i}`, updated_at: new Date(stamp).toISOString() } },
    }).payload;
    const body = JSON.stringify(payload);
    return { id: randomUUID(), body, signature: await signer.sign(body) };
  };
  const deliveries = await Promise.all(Array.from({ length: N }, (_, i) => make(i)));
  const size = Buffer.byteLength(deliveries[0]?.body ?? '');

  step(`warm-up, then ${N} deliveries at concurrency ${C} against the API (committed before the 202)`);
  const warm = await Promise.all(Array.from({ length: 50 }, (_, i) => make(N + i)));
  await load(`${apiBase}/webhooks/github-mcp/`, warm, C);
  const cpu = await cpuMeter({
    api: apiApp.child.pid ?? 0,
    worker: workerApp.child.pid ?? 0,
    db,
    redisUrl,
  });
  const cpuBefore = cpu();
  const api = await load(`${apiBase}/webhooks/github-mcp/`, deliveries, C);
  const apiCpuMs = ((cpu().api - cpuBefore.api) * 1000) / N;
  // The floor answers in well under a second: four rounds of the same deliveries give it a steadier figure.
  step(`the same ${N} deliveries four times against the floor (bare node:http + @octokit/webhooks verify)`);
  const floor = await startFloor(SECRET);
  await load(floor.url, deliveries.slice(0, 50), C);
  const bare = await load(floor.url, [...deliveries, ...deliveries, ...deliveries, ...deliveries], C);
  await floor.close();
  const { rows: stored } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM github_webhook_events WHERE delivery_id = ANY($1)',
    [deliveries.map((d) => d.id)],
  );

  step('waiting for the worker to drain the backlog');
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM github_webhook_events WHERE status NOT IN ('processed', 'ignored', 'failed')`,
    );
    if (rows[0]?.n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const workerCpuMs = ((cpu().worker - cpuBefore.worker) * 1000) / N;

  /** Deliveries sent on a schedule (open loop): ack latencies, and sent → processed_at for each. */
  const paced = async (count: number, rate: number, offset: number) => {
    const list = await Promise.all(Array.from({ length: count }, (_, i) => make(offset + i)));
    const sentAt = new Map<string, number>();
    const cpuAtStart: CpuSample = cpu();
    const acks: number[] = [];
    const started = Date.now();
    await Promise.all(
      list.map(async (delivery, i) => {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, started + (i * 1000) / rate - Date.now())),
        );
        sentAt.set(delivery.id, Date.now());
        const t0 = performance.now();
        await post(`${apiBase}/webhooks/github-mcp/`, delivery);
        acks.push(performance.now() - t0);
      }),
    );
    for (;;) {
      const { rows } = await db.query<{ delivery_id: string; processed_at: Date | null; status: string }>(
        'SELECT delivery_id, processed_at, status FROM github_webhook_events WHERE delivery_id = ANY($1)',
        [list.map((d) => d.id)],
      );
      if (rows.length === count && rows.every((r) => r.processed_at)) {
        const failed = rows.filter((r) => r.status !== 'processed').length;
        if (failed > 0) throw new Error(`${failed} paced deliveries were not processed`);
        const e2e = rows.map(
          (r) => (r.processed_at as Date).getTime() - (sentAt.get(r.delivery_id) as number),
        );
        const acksSorted = [...acks].sort((a, b) => a - b);
        return {
          acks: acksSorted,
          e2e: e2e.sort((a, b) => a - b),
          cpu: perDelivery(cpuAtStart, cpu(), count),
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  step(`${Math.min(N, 2500)} deliveries paced at 500/s (open loop): ack latency and end to end`);
  const at500 = await paced(Math.min(N, 2500), 500, N + 100);
  step(`end to end: ${E} deliveries paced at ${RATE}/s, sent → workspace issue written`);
  const moderate = await paced(E, RATE, 2 * N + 3000);
  await db.end();
  await sim.close();

  console.log(`machine: ${machine()}`);
  console.log(
    `postgres: fsync=${durability.rows[0]?.fsync}, synchronous_commit=${durability.rows[0]?.synchronous_commit}; ` +
      `payload ${size} bytes (issues.edited); ${stored[0]?.n}/${N} deliveries stored`,
  );
  const apiStats = summary('api  ', api.latencies, api.wallMs);
  console.log(
    `cpu per delivery: api ${apiCpuMs.toFixed(2)} ms (ack), worker ${workerCpuMs.toFixed(2)} ms (processing)`,
  );
  const floorStats = summary('floor', bare.latencies, bare.wallMs);
  const p = (list: number[], q: number) => percentile(list, q).toFixed(1);
  console.log(
    `paced 500/s (${at500.acks.length}): ack p50 ${p(at500.acks, 50)} ms, p95 ${p(at500.acks, 95)} ms, ` +
      `p99 ${p(at500.acks, 99)} ms; end to end p50 ${p(at500.e2e, 50)} ms, p95 ${p(at500.e2e, 95)} ms`,
  );
  console.log(`cpu per delivery at 500/s (ms): ${at500.cpu}`);
  const e2eP95 = percentile(moderate.e2e, 95);
  console.log(
    `end to end (${E} at ${RATE}/s): p50 ${p(moderate.e2e, 50)} ms, p95 ${e2eP95} ms, p99 ${p(moderate.e2e, 99)} ms`,
  );
  // ack_p99_ms is the paced 500/s run's (the target's rate); acks_per_s and the ratio are the closed loop's.
  console.log(
    `ack_p99_ms=${percentile(at500.acks, 99).toFixed(2)} acks_per_s=${apiStats.perSecond.toFixed(0)} ` +
      `vs_floor_ratio=${(apiStats.perSecond / floorStats.perSecond).toFixed(2)} e2e_p95_ms=${e2eP95}`,
  );
  agent.destroy();
  return 0;
});
