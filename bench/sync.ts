import { DEFAULT_SIM_TOKEN } from '../apps/github-sim/src/index.js';
import { GitHubMcpClientFactory } from '#libs/github-mcp';
import { ClosedIssueFeed, IssuePageReader, type ReadPage } from '#libs/sync';
import { runMain } from '../scripts/lib/lifecycle.js';
import { step } from '../scripts/lib/log.js';
import { machine, peakRssMb, requestSync, simCallsByTool, startBenchSystem, waitForJobs } from './support.js';
import { cpuSeconds } from './cpu-meter.js';
import { sampleMemory } from './memory-sampler.js';
import { parseSyncBenchArgs } from './sync-args.js';

/**
 * `npm run bench:sync -- [ISSUES [COMMENTS]] [--worker-heap-mb=N] [--worker-node-arg=--…] [--no-floor]`: full sync of one simulated repository
 * (default 10,000 issues, three comments per issue) through the real API and worker processes, against
 * the "fetch floor": the same MCP client paging the same data (list pages, comments, close reasons) with
 * the same batch size and concurrency, writing nothing. Also compares the sync's MCP calls with the
 * contract's minimum, and reports the worker's memory (peak RSS; heap and off-heap peaks sampled from its
 * /metrics). `--worker-heap-mb` caps the worker's V8 old space, to see the live set rather than a heap
 * V8 did not bother to shrink; `--no-floor` skips the floor runs (memory measurements of big repositories).
 */
const ARGS = parseSyncBenchArgs(process.argv.slice(2));
const ISSUES = ARGS.issues;
const COMMENTS = ARGS.comments;
const BATCH = 100;
const CONCURRENCY = 8;

async function fetchFloor(mcpUrl: string): Promise<{ ms: number; calls: number; issues: number }> {
  const factory = new GitHubMcpClientFactory({
    serverUrl: mcpUrl,
    timeoutMs: 30_000,
    maxRetries: 3,
    retryDelayMs: 200,
  });
  const client = factory.forToken(DEFAULT_SIM_TOKEN);
  // Close reasons and milestones from search_issues, paced on its bucket like the sync's.
  const feed = new ClosedIssueFeed(client, {
    owner: 'bench',
    repo: 'big',
    since: null,
    maxWaitMs: 65_000,
    rateLimitWaitMs: 60_000,
  });
  const reader = new IssuePageReader(client, {
    includeComments: true,
    concurrency: CONCURRENCY,
    mapping: { open: 'unstarted' },
    feed,
    searchLagMs: 60_000,
  });
  const repo = { owner: 'bench', name: 'big' };
  const read = async (after: string | null) =>
    reader.details(repo, await reader.list({ repo, perPage: BATCH, after, since: null }), new Map());
  const started = performance.now();
  let calls = 0;
  let issues = 0;
  let pending: Promise<ReadPage> = read(null);
  for (;;) {
    const page = await pending;
    calls += page.calls;
    issues += page.records.length;
    const after = page.list.pageInfo.hasNextPage ? (page.list.pageInfo.endCursor ?? null) : null;
    if (!after) break;
    pending = read(after);
  }
  feed.stop();
  calls += feed.calls;
  const ms = performance.now() - started;
  await factory.closeAll();
  return { ms, calls, issues };
}

await runMain(async () => {
  const sys = await startBenchSystem({
    simArgs: ['--repos', `bench/big:${ISSUES}:${COMMENTS}:0`],
    repositories: ['bench/big'],
    env: {
      GITHUB_MCP_MAX_SYNC_BATCH_SIZE: String(BATCH),
      GITHUB_MCP_COMMENT_CONCURRENCY: String(CONCURRENCY),
    },
    workerNodeArgs: ARGS.workerNodeArgs,
  });
  const mcpUrl = sys.env.MCP_GITHUB_SERVER_URL as string;
  // Keep the periodic schedule away from the measured repository: only the explicit sync below may run.
  await sys.db.query('UPDATE github_repository_syncs SET enabled = false');
  const { rows: early } = await sys.db.query(`SELECT job_id FROM github_sync_jobs`);
  if (early.length > 0) throw new Error('a sync started before the measurement; run the bench again');

  if (ARGS.floor) step('fetch floor: paging the same data with the same client, no writes');
  const simCpuFloor = cpuSeconds(sys.sim.child.pid);
  const ownCpu = process.cpuUsage();
  const floor1 = ARGS.floor ? await fetchFloor(mcpUrl) : undefined;
  const floorCpu = { sim: cpuSeconds(sys.sim.child.pid) - simCpuFloor, client: cpuUsageSeconds(ownCpu) };

  step('full sync through the API and the worker');
  const callsBefore = await simCallsByTool(sys.simUrl);
  const cpuBefore = { sim: cpuSeconds(sys.sim.child.pid), worker: cpuSeconds(sys.worker.child.pid) };
  const rssBefore = peakRssMb(sys.worker.child.pid);
  const memory = sampleMemory(`http://127.0.0.1:${sys.env.WORKER_PORT}/metrics`);
  const [job] = await waitForJobs(sys.db, await requestSync(sys, { force: true, repository: 'bench/big' }));
  if (!job || job.status !== 'completed') throw new Error(`sync failed: ${job?.error_message}`);
  const syncMs = job.completed_at.getTime() - job.started_at.getTime();
  const callsAfter = await simCallsByTool(sys.simUrl);
  const syncCalls = callsAfter.total - callsBefore.total;
  const byTool = Object.entries(callsAfter.byTool)
    .map(([tool, n]) => `${tool} ${n - (callsBefore.byTool[tool] ?? 0)}`)
    .join(', ');
  const cpuSim = cpuSeconds(sys.sim.child.pid) - cpuBefore.sim;
  const cpuWorker = cpuSeconds(sys.worker.child.pid) - cpuBefore.worker;
  const rss = peakRssMb(sys.worker.child.pid);
  const peaks = await memory.stop();
  const summary = job.metadata.summary ?? {};

  if (ARGS.floor) step('fetch floor again (the faster of the two runs is the floor)');
  const floor2 = ARGS.floor ? await fetchFloor(mcpUrl) : undefined;
  const floorMs = Math.min(floor1?.ms ?? NaN, floor2?.ms ?? NaN);
  const { rows } = await sys.db.query(
    `SELECT (SELECT count(*) FROM issues) AS issues, (SELECT count(*) FROM issue_comments) AS comments,
       (SELECT count(DISTINCT issue_id) FROM issue_comments) AS with_comments`,
  );
  await sys.db.end();

  const ratio = syncMs / floorMs;
  const perSecond = job.items_synced / (syncMs / 1000);
  const searchPages = Number(summary.search_calls ?? 0);
  const minimum = 1 + Math.ceil(ISSUES / 100) + Number(rows[0].with_comments) + searchPages;
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`machine: ${machine()}`);
  console.log(
    `repository: ${ISSUES} issues, ${COMMENTS} comments; batch ${BATCH}, detail concurrency ${CONCURRENCY}`,
  );
  if (floor1 && floor2) {
    console.log(
      `fetch floor: ${seconds(floor1.ms)} s and ${seconds(floor2.ms)} s, ${floor1.calls} MCP calls, ${floor1.issues} issues`,
    );
    console.log(
      `during the floor: simulator ${floorCpu.sim.toFixed(1)} CPU s, client ${floorCpu.client.toFixed(1)} CPU s`,
    );
  } else console.log('fetch floor: skipped (--no-floor)');
  console.log(
    `sync: ${seconds(syncMs)} s wall (job started → completed), ${job.items_synced} issues, ${perSecond.toFixed(0)} issues/s`,
  );
  console.log(`stored: ${rows[0].issues} issues, ${rows[0].comments} comments`);
  console.log(
    `mcp calls made by the sync: ${syncCalls} (${(syncCalls / ISSUES).toFixed(3)} per issue); contract minimum ` +
      `1 + ⌈N/100⌉ + issues with comments + search pages (${searchPages}) = ${minimum}`,
  );
  console.log(`mcp calls by tool: ${byTool}; issue_read get fallbacks: ${summary.close_reads ?? 0}`);
  console.log(
    `during the sync: simulator ${cpuSim.toFixed(1)} CPU s, worker ${cpuWorker.toFixed(1)} CPU s; worker waited ` +
      `${seconds(summary.wait_read_ms ?? 0)} s for reads, wrote for ${seconds(summary.write_ms ?? 0)} s`,
  );
  console.log(
    `worker peak RSS: ${rss} MiB (${rssBefore} MiB before the sync)${ARGS.workerNodeArgs.length > 0 ? `, worker run with ${ARGS.workerNodeArgs.join(' ')}` : ''}; ` +
      `sampled peaks (${peaks.samples} samples): heap used ${peaks.heapUsedMiB} MiB of ${peaks.heapTotalMiB} MiB, ` +
      `outside the heap ${peaks.externalMiB} MiB`,
  );
  console.log(
    `sync_vs_fetch_floor_ratio=${ARGS.floor ? ratio.toFixed(2) : 'n/a'} issues_per_s=${perSecond.toFixed(0)} mcp_calls=${syncCalls} worker_peak_rss_mib=${rss}`,
  );
  return 0;
});

function cpuUsageSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}
