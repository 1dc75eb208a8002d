import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type RunningSimulator, WebhookDispatcher, startSimulator } from '../../apps/github-sim/src/index.js';
import type { AppProcess } from '../../scripts/lib/app-process.js';
import { step } from '../../scripts/lib/log.js';
import { applyMigrations } from '../../scripts/lib/migrations.js';
import { createDatabaseIfMissing, withDatabase } from '../../scripts/lib/pg.js';
import { type LocalPostgres, startLocalPostgres } from '../../scripts/lib/postgres.js';
import { type LocalRedis, startLocalRedis } from '../../scripts/lib/redis.js';
import { seedBench, startBenchApps, startBenchApi, startBenchWorker } from '../support.js';

/** The repositories of `npm run bench:faults`. */
export const HOOKS = { owner: 'bench', name: 'hooks' };
export const BIG = { owner: 'bench', name: 'big' };
export const TWO = { owner: 'bench', name: 'two' };
export const LONE = { owner: 'other', name: 'lone' };
/** Issue #1 of bench/hooks is the recovery probe's: the load never touches it. */
export const PROBE_NUMBER = 1;

export interface FaultSystem {
  sim: RunningSimulator;
  /** Signed deliveries of every simulator change to the API (bigger log and concurrency than the sim's own). */
  hooks: WebhookDispatcher;
  postgres: LocalPostgres;
  redis: LocalRedis;
  /** The bench's own connection to the database (2 connections). */
  db: pg.Pool;
  env: Record<string, string>;
  apiBase: string;
  token: string;
  projects: { hooks: string; big: string; two: string };
  api: AppProcess;
  worker: AppProcess;
  restartApi(): Promise<void>;
  restartWorker(): Promise<void>;
}

/**
 * Postgres and Redis as this machine's own processes started here (never DATABASE_URL / REDIS_URL: the bench
 * kills them), the simulator in this process, the API and a worker as processes from dist/, and workspace
 * "bench": bench/hooks (webhook load), bench/big (the full sync) and bench/two (bidirectional, local edits)
 * each in a project of its own; other/lone exists on GitHub only (deliveries for an unconnected repository).
 */
export async function startFaultSystem(options: { issues: number; comments: number }): Promise<FaultSystem> {
  const redis = await startLocalRedis();
  const postgres = await startLocalPostgres({ durable: true });
  await createDatabaseIfMissing(postgres.adminUrl, 'gms_bench_faults');
  const databaseUrl = withDatabase(postgres.adminUrl, 'gms_bench_faults');
  await applyMigrations(databaseUrl);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2, query_timeout: 5000 });
  // The pool outlives restarts of the server: a connection that dies idle must not crash the bench.
  db.on('error', () => undefined);
  await db.query('TRUNCATE workspaces, users, github_sync_jobs, audit_logs, github_webhook_events CASCADE');
  step(`generating the simulator's data (${options.issues} issues, ${options.comments} comments to sync)`);
  const sim = await startSimulator({
    port: 0,
    seed: 1,
    repos: [
      { ...HOOKS, issues: 60, comments: 60, pullRequests: 10 },
      { ...BIG, issues: options.issues, comments: options.comments, pullRequests: 0 },
      { ...TWO, issues: 20, comments: 0, pullRequests: 0 },
      { ...LONE, issues: 10, comments: 0, pullRequests: 0 },
    ],
  });
  const secret = randomBytes(16).toString('hex');
  const apps = await startBenchApps({
    databaseUrl,
    redisUrl: redis.url,
    mcpUrl: sim.mcpUrl,
    env: {
      GITHUB_WEBHOOK_SECRET: secret,
      // Only the syncs the bench asks for: no periodic pass.
      GITHUB_MCP_DEFAULT_SYNC_INTERVAL: '86400',
      // A killed worker's jobs are taken over within seconds (defaults 30 s / 30 s).
      QUEUE_LOCK_DURATION_MS: '5000',
      QUEUE_STALLED_INTERVAL_MS: '2500',
      // An MCP call slower than 3 s is a timeout (the fault below holds answers for 4 s).
      MCP_CONNECTION_TIMEOUT: '3',
      MCP_RETRY_DELAY: '0.2',
      WEBHOOK_RELAY_INTERVAL_MS: '1000',
      // The pause fault (8 s or more) outlasts the statement timeout: statements held by the stopped server
      // are given up after 3 s (the timeout + 1 s), connections after 5 s (defaults 30 s / 10 s).
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      DATABASE_CONNECT_TIMEOUT_MS: '5000',
      GITHUB_MCP_RATE_LIMIT_WAIT: '5',
      // All load comes from 127.0.0.1 with one token: the per-IP/token limits would answer 429.
      RATE_LIMIT_PER_IP: '0',
      RATE_LIMIT_PER_TOKEN: '0',
    },
  });
  const seeded = await seedBench(
    apps.env,
    [`${HOOKS.owner}/${HOOKS.name}`],
    { name: 'Hooks', identifier: 'HOOK' },
    [
      { repository: `${BIG.owner}/${BIG.name}`, identifier: 'BIG' },
      { repository: `${TWO.owner}/${TWO.name}`, identifier: 'TWO', direction: 'bidirectional' },
    ],
  );
  const hooks = new WebhookDispatcher(sim.store, { concurrency: 64, logSize: 10_000_000 });
  hooks.addHook({ url: `${apps.apiBase}/webhooks/github-mcp/`, secret, ping: false });
  let restarts = 0;
  const system: FaultSystem = {
    sim,
    hooks,
    postgres,
    redis,
    db,
    env: apps.env,
    apiBase: apps.apiBase,
    token: seeded.token,
    projects: {
      hooks: seeded.projects['HOOK'] as string,
      big: seeded.projects['BIG'] as string,
      two: seeded.projects['TWO'] as string,
    },
    api: apps.api,
    worker: apps.worker,
    restartApi: async () => {
      system.api = await startBenchApi(apps.env, apps.apiBase, `bench-api-${++restarts}`);
    },
    restartWorker: async () => {
      system.worker = await startBenchWorker(apps.env, `bench-worker-${++restarts}`);
    },
  };
  return system;
}

/** Repository sync id of a connected repository. */
export async function repositorySyncId(db: pg.Pool, repo: { owner: string; name: string }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM github_repository_syncs s JOIN github_repositories r ON r.id = s.repository_id
     WHERE r.owner = $1 AND r.name = $2`,
    [repo.owner, repo.name],
  );
  if (!rows[0]) throw new Error(`${repo.owner}/${repo.name} is not connected`);
  return rows[0].id;
}
