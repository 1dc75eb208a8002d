import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { loadConfig } from '#libs/config';
import { GitHubMcpClientFactory } from '#libs/github-mcp';
import { IssuePageReader, type ReadPage } from '#libs/sync';
import { AdminCommands } from '../apps/cli/src/admin-commands.js';
import { CliModule } from '../apps/cli/src/cli.module.js';
import { DEFAULT_SIM_TOKEN } from '../apps/github-sim/src/index.js';
import { httpUp, startApp } from '../scripts/lib/app-process.js';
import { runMain } from '../scripts/lib/lifecycle.js';
import { step } from '../scripts/lib/log.js';
import { freePort } from '../scripts/lib/proc.js';
import { provideServices } from '../scripts/lib/services.js';

/**
 * `npm run bench:sync`: full sync of one simulated 10,000-issue / 30,000-comment repository through the
 * real API and worker processes, against the "fetch floor": the same MCP client paging the same data
 * (list pages, comments, close reasons) with the same batch size and concurrency, writing nothing.
 */
const ISSUES = Number(process.argv[2] ?? 10_000);
const COMMENTS = Number(process.argv[3] ?? ISSUES * 3);
const BATCH = 100;
const CONCURRENCY = 8;

async function simCalls(simUrl: string): Promise<number> {
  const stats = (await (await fetch(`${simUrl}/_admin/stats`)).json()) as { total: number };
  return stats.total;
}

async function fetchFloor(mcpUrl: string): Promise<{ ms: number; calls: number; issues: number }> {
  const factory = new GitHubMcpClientFactory({
    serverUrl: mcpUrl,
    timeoutMs: 30_000,
    maxRetries: 3,
    retryDelayMs: 200,
  });
  const reader = new IssuePageReader(factory.forToken(DEFAULT_SIM_TOKEN), {
    includeComments: true,
    concurrency: CONCURRENCY,
    mapping: { open: 'unstarted' },
  });
  const repo = { owner: 'bench', name: 'big' };
  const started = performance.now();
  let after: string | null = null;
  let calls = 0;
  let issues = 0;
  let pending: Promise<ReadPage> | undefined;
  const read = async (cursor: string | null) =>
    reader.details(repo, await reader.list({ repo, perPage: BATCH, after: cursor, since: null }), new Map());
  pending = read(after);
  for (;;) {
    const page: ReadPage = await pending;
    calls += page.calls;
    issues += page.records.length;
    after = page.list.pageInfo.hasNextPage ? (page.list.pageInfo.endCursor ?? null) : null;
    if (!after) break;
    pending = read(after);
  }
  const ms = performance.now() - started;
  await factory.closeAll();
  return { ms, calls, issues };
}

/** User + system CPU seconds a process has used so far (Linux /proc). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 1024);
}

await runMain(async () => {
  const { databaseUrl, redisUrl } = await provideServices({
    postgres: true,
    redis: true,
    database: 'gms_bench',
  });
  const db = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  await db.query('TRUNCATE workspaces, users, github_sync_jobs, audit_logs CASCADE');
  const [simPort, apiPort] = [await freePort(), await freePort()];
  const simUrl = `http://127.0.0.1:${simPort}`;
  const env: Record<string, string> = {
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: `{bench-${randomBytes(3).toString('hex')}}`,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MCP_GITHUB_SERVER_URL: `${simUrl}/mcp`,
    API_PORT: String(apiPort),
    API_HOST: '127.0.0.1',
    GITHUB_MCP_MAX_SYNC_BATCH_SIZE: String(BATCH),
    GITHUB_MCP_COMMENT_CONCURRENCY: String(CONCURRENCY),
  };
  step(`simulator: bench/big with ${ISSUES} issues and ${COMMENTS} comments`);
  const sim = await startApp({
    name: 'bench-sim',
    entry: 'apps/github-sim/src/main',
    args: ['--port', String(simPort), '--seed', '1', '--repos', `bench/big:${ISSUES}:${COMMENTS}:0`],
    env: {},
    ready: () => httpUp(`${simUrl}/_admin/stats`),
    timeoutMs: 60_000,
  });
  const apiBase = `http://127.0.0.1:${apiPort}/api`;
  await startApp({
    name: 'bench-api',
    entry: 'apps/api/src/main',
    env,
    ready: () => httpUp(`${apiBase}/health/`),
  });
  const worker = await startApp({
    name: 'bench-worker',
    entry: 'apps/worker/src/main',
    env,
    ready: async () => true,
  });

  const cli = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig(env)), {
    logger: ['error'],
  });
  const admin = cli.get(AdminCommands);
  await admin.createWorkspace('bench', 'Bench');
  await admin.addUser({ workspace: 'bench', email: 'bench@bench.test', name: 'Bench', role: 'admin' });
  const { token } = await admin.createToken({ workspace: 'bench', email: 'bench@bench.test', name: 'bench' });
  const { project_id } = await admin.createProject({ workspace: 'bench', name: 'Big', identifier: 'BIG' });
  await admin.connectToken({ workspace: 'bench', token: DEFAULT_SIM_TOKEN });
  await admin.connectRepository({ workspace: 'bench', repository: 'bench/big', projectId: project_id });
  await cli.close();

  step('fetch floor: paging the same data with the same client, no writes');
  const simCpuFloor = cpuSeconds(sim.child.pid);
  const ownCpuFloor = process.cpuUsage();
  const floor1 = await fetchFloor(env.MCP_GITHUB_SERVER_URL as string);
  const floorCpu = {
    sim: cpuSeconds(sim.child.pid) - simCpuFloor,
    client: (process.cpuUsage(ownCpuFloor).user + process.cpuUsage(ownCpuFloor).system) / 1e6,
  };

  step('full sync through the API and the worker');
  const callsBefore = await simCalls(simUrl);
  const cpuBefore = { sim: cpuSeconds(sim.child.pid), worker: cpuSeconds(worker.child.pid) };
  const response = await fetch(`${apiBase}/workspaces/bench/integrations/github-mcp/sync/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ force: true }),
  });
  const { job_id: jobId } = (await response.json()) as { job_id: string };
  let job: {
    status: string;
    started_at: Date;
    completed_at: Date;
    items_synced: number;
    error_message: string;
  };
  for (;;) {
    const { rows } = await db.query('SELECT * FROM github_sync_jobs WHERE job_id = $1', [jobId]);
    job = rows[0];
    if (job.status === 'completed' || job.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (job.status !== 'completed') throw new Error(`sync failed: ${job.error_message}`);
  const syncMs = job.completed_at.getTime() - job.started_at.getTime();
  const syncCalls = (await simCalls(simUrl)) - callsBefore;
  const cpuSim = cpuSeconds(sim.child.pid) - cpuBefore.sim;
  const cpuWorker = cpuSeconds(worker.child.pid) - cpuBefore.worker;
  const { rows: jobRows } = await db.query('SELECT metadata FROM github_sync_jobs WHERE job_id = $1', [
    jobId,
  ]);
  const summary = (jobRows[0]?.metadata as { summary?: Record<string, number> }).summary ?? {};
  const rss = peakRssMb(worker.child.pid);

  step('fetch floor again (the faster of the two runs is the floor)');
  const floor2 = await fetchFloor(env.MCP_GITHUB_SERVER_URL as string);
  const floorMs = Math.min(floor1.ms, floor2.ms);
  const { rows: counted } = await db.query(
    'SELECT (SELECT count(*) FROM issues) AS issues, (SELECT count(*) FROM issue_comments) AS comments',
  );
  await db.end();

  const ratio = syncMs / floorMs;
  const perSecond = job.items_synced / (syncMs / 1000);
  const cpu = os.cpus();
  console.log(
    `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  console.log(
    `repository: ${ISSUES} issues, ${COMMENTS} comments; batch ${BATCH}, detail concurrency ${CONCURRENCY}`,
  );
  console.log(
    `fetch floor: ${(floor1.ms / 1000).toFixed(2)} s and ${(floor2.ms / 1000).toFixed(2)} s, ${floor1.calls} MCP calls, ${floor1.issues} issues`,
  );
  console.log(
    `during the floor: simulator ${floorCpu.sim.toFixed(1)} CPU s, client ${floorCpu.client.toFixed(1)} CPU s`,
  );
  console.log(
    `sync: ${(syncMs / 1000).toFixed(2)} s wall (job started → completed), ${job.items_synced} issues, ${perSecond.toFixed(0)} issues/s`,
  );
  console.log(`stored: ${counted[0].issues} issues, ${counted[0].comments} comments`);
  console.log(`mcp calls made by the sync: ${syncCalls}`);
  console.log(
    `during the sync: simulator ${cpuSim.toFixed(1)} CPU s, worker ${cpuWorker.toFixed(1)} CPU s; worker waited ${((summary.wait_read_ms ?? 0) / 1000).toFixed(1)} s for reads, wrote for ${((summary.write_ms ?? 0) / 1000).toFixed(1)} s`,
  );
  console.log(`worker peak RSS: ${rss} MiB`);
  console.log(
    `sync_vs_fetch_floor_ratio=${ratio.toFixed(2)} issues_per_s=${perSecond.toFixed(0)} mcp_calls=${syncCalls}`,
  );
  return 0;
});
