import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import { AdminCommands } from '../apps/cli/src/admin-commands.js';
import { CliModule } from '../apps/cli/src/cli.module.js';
import { DEFAULT_SIM_TOKEN } from '../apps/github-sim/src/index.js';
import { type AppProcess, httpUp, startApp } from '../scripts/lib/app-process.js';
import { step } from '../scripts/lib/log.js';
import { freePort } from '../scripts/lib/proc.js';
import { provideServices } from '../scripts/lib/services.js';

export interface BenchSystem {
  db: pg.Pool;
  simUrl: string;
  apiBase: string;
  token: string;
  env: Record<string, string>;
  sim: AppProcess;
  api: AppProcess;
  worker: AppProcess;
}

/** Postgres and Redis (durable: every commit flushed to disk) and an emptied `gms_bench` database. */
export async function benchDatabase(options: { durable?: boolean } = {}) {
  const { databaseUrl, redisUrl } = await provideServices({
    postgres: true,
    redis: true,
    database: 'gms_bench',
    durable: options.durable ?? false,
  });
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // Ctrl-C stops Postgres under the idle pool: its connections' errors must not crash the bench before it
  // stops Redis and the apps.
  db.on('error', () => undefined);
  await db.query('TRUNCATE workspaces, users, github_sync_jobs, audit_logs, github_webhook_events CASCADE');
  return { db, databaseUrl, redisUrl };
}

/** The API and a worker as separate processes (as deployed), against the given services and MCP server. */
export async function startBenchApps(options: {
  databaseUrl: string;
  redisUrl: string;
  mcpUrl: string;
  env?: Record<string, string>;
  /** Node options of the worker process only. */
  workerNodeArgs?: string[];
}): Promise<{ env: Record<string, string>; apiBase: string; api: AppProcess; worker: AppProcess }> {
  const apiPort = await freePort();
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: `{bench-${randomBytes(3).toString('hex')}}`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MCP_GITHUB_SERVER_URL: options.mcpUrl,
    API_PORT: String(apiPort),
    API_HOST: '127.0.0.1',
    WORKER_PORT: String(await freePort()),
    ...options.env,
  };
  const apiBase = `http://127.0.0.1:${apiPort}/api`;
  const api = await startBenchApi(env, apiBase);
  const worker = await startBenchWorker(env, 'bench-worker', options.workerNodeArgs);
  return { env, apiBase, api, worker };
}

/** The API process (again, after a crash: same env, same port); ready once `/health/live` answers. */
export function startBenchApi(
  env: Record<string, string>,
  apiBase: string,
  name = 'bench-api',
): Promise<AppProcess> {
  return startApp({
    name,
    entry: 'apps/api/src/main',
    env,
    ready: () => httpUp(`${apiBase}/health/live`),
  });
}

/** A worker process (again, after a crash: same env). */
export function startBenchWorker(
  env: Record<string, string>,
  name = 'bench-worker',
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  return startApp({ name, entry: 'apps/worker/src/main', env, nodeArgs, ready: async () => true });
}

/** A repository connected to a project of its own (`seedBench`'s `more`). */
export interface BenchConnection {
  repository: string;
  identifier: string;
  direction?: 'from_github' | 'to_github' | 'bidirectional';
}

/**
 * Workspace "bench" with an admin (and their API token) and one project connected to the repositories;
 * each of `more` in a project of its own (`projects` maps its identifier to the project id).
 */
export async function seedBench(
  env: Record<string, string>,
  repositories: string[],
  project = { name: 'Bench', identifier: 'BEN' },
  more: BenchConnection[] = [],
): Promise<{ token: string; projectId: string; projects: Record<string, string> }> {
  step(`seeding workspace "bench" with ${repositories.length} repositories`);
  const cli = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig(env)), {
    logger: ['error'],
  });
  try {
    const admin = cli.get(AdminCommands);
    await admin.createWorkspace('bench', 'Bench');
    await admin.addUser({ workspace: 'bench', email: 'bench@bench.test', name: 'Bench', role: 'admin' });
    const { token } = await admin.createToken({
      workspace: 'bench',
      email: 'bench@bench.test',
      name: 'bench',
    });
    const { project_id } = await admin.createProject({ workspace: 'bench', ...project });
    await admin.connectToken({ workspace: 'bench', token: DEFAULT_SIM_TOKEN });
    for (const repository of repositories) {
      await admin.connectRepository({ workspace: 'bench', repository, projectId: project_id });
    }
    const projects: Record<string, string> = { [project.identifier]: project_id };
    for (const { repository, identifier, direction } of more) {
      const created = await admin.createProject({ workspace: 'bench', name: identifier, identifier });
      projects[identifier] = created.project_id;
      const connection = { workspace: 'bench', repository, projectId: created.project_id };
      await admin.connectRepository({ ...connection, ...(direction ? { direction } : {}) });
    }
    return { token, projectId: project_id, projects };
  } finally {
    await cli.close();
  }
}

/**
 * Services, the simulator, the API and a worker as separate processes (as deployed), plus a seeded
 * workspace "bench" whose project is connected to the given simulated repositories.
 */
export async function startBenchSystem(options: {
  simArgs: string[];
  repositories: string[];
  env?: Record<string, string>;
  workerNodeArgs?: string[];
}): Promise<BenchSystem> {
  const { db, databaseUrl, redisUrl } = await benchDatabase();
  const simPort = await freePort();
  const simUrl = `http://127.0.0.1:${simPort}`;
  const sim = await startApp({
    name: 'bench-sim',
    entry: 'apps/github-sim/src/main',
    args: ['--port', String(simPort), '--seed', '1', ...options.simArgs],
    env: {},
    ready: () => httpUp(`${simUrl}/_admin/stats`),
    timeoutMs: 120_000,
  });
  const { env, apiBase, api, worker } = await startBenchApps({
    databaseUrl,
    redisUrl,
    mcpUrl: `${simUrl}/mcp`,
    ...(options.env ? { env: options.env } : {}),
    ...(options.workerNodeArgs ? { workerNodeArgs: options.workerNodeArgs } : {}),
  });
  const { token } = await seedBench(env, options.repositories);
  return { db, simUrl, apiBase, token, env, sim, api, worker };
}

export async function simCalls(simUrl: string): Promise<number> {
  return (await simCallsByTool(simUrl)).total;
}

/** The simulator's call counters: the total and per tool. */
export async function simCallsByTool(
  simUrl: string,
): Promise<{ total: number; byTool: Record<string, number> }> {
  return (await (await fetch(`${simUrl}/_admin/stats`)).json()) as {
    total: number;
    byTool: Record<string, number>;
  };
}

/** POST sync (all repositories, or one) and return the job ids. */
export async function requestSync(
  sys: Pick<BenchSystem, 'apiBase' | 'token'>,
  body: Record<string, unknown>,
): Promise<string[]> {
  const response = await fetch(`${sys.apiBase}/workspaces/bench/integrations/github-mcp/sync/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sys.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { jobs?: { job_id: string }[] };
  if (!json.jobs) throw new Error(`sync request failed: ${response.status} ${JSON.stringify(json)}`);
  return json.jobs.map((j) => j.job_id);
}

/** Waits until every job is completed or failed (polling the table, not the API). */
export async function waitForJobs(db: pg.Pool, jobIds: string[]) {
  for (;;) {
    const { rows } = await db.query(
      `SELECT job_id, status, started_at, completed_at, items_synced, error_message, metadata
       FROM github_sync_jobs WHERE job_id = ANY($1)`,
      [jobIds],
    );
    if (
      rows.length === jobIds.length &&
      rows.every((r) => r.status === 'completed' || r.status === 'failed')
    ) {
      return rows as {
        status: string;
        started_at: Date;
        completed_at: Date;
        items_synced: number;
        error_message: string | null;
        metadata: { summary?: Record<string, number> };
      }[];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function peakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

export function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
}
