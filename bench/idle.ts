import { Queue } from 'bullmq';
import { JobName, QueueName } from '#libs/queue';
import { runMain } from '../scripts/lib/lifecycle.js';
import { step } from '../scripts/lib/log.js';
import { machine, requestSync, simCalls, startBenchSystem, waitForJobs } from './support.js';

/**
 * `npm run bench:idle [-- REPOS]`: an incremental pass over many idle repositories (1,000 by default).
 * After a first full sync of each, nothing changes on GitHub; the pass should cost one MCP call
 * (`list_issues` since the cursor) per repository. Prints calls per repository and wall time.
 */
const REPOS = Number(process.argv[2] ?? 1000);

await runMain(async () => {
  const names = Array.from({ length: REPOS }, (_, i) => `idle/repo-${i}`);
  const sys = await startBenchSystem({
    simArgs: names.flatMap((name) => ['--repos', `${name}:3:2:0`]),
    repositories: names,
    env: { WORKER_CONCURRENCY: '8' },
  });
  step(`first (full) sync of ${REPOS} repositories`);
  const first = await waitForJobs(sys.db, await requestSync(sys, {}));
  if (first.some((j) => j.status !== 'completed')) throw new Error('the first sync did not complete');

  step('periodic incremental pass over the idle repositories (one periodic_sync_all tick)');
  await sys.db.query(`UPDATE github_repository_syncs SET last_synced_at = now() - interval '1 hour'`);
  const before = await simCalls(sys.simUrl);
  const started = Date.now();
  const maintenance = new Queue(QueueName.Maintenance, {
    connection: { url: sys.env.REDIS_URL },
    prefix: sys.env.QUEUE_PREFIX,
  });
  await maintenance.add(JobName.PeriodicSyncAll, {}, { jobId: `bench-tick-${started}` });
  await maintenance.close();
  const jobIds = await waitForPeriodicJobs(sys, REPOS, new Date(started));
  const jobs = await waitForJobs(sys.db, jobIds);
  const wallMs = Date.now() - started;
  const calls = (await simCalls(sys.simUrl)) - before;
  await sys.db.end();
  const failed = jobs.filter((j) => j.status !== 'completed').length;
  const written = jobs.reduce(
    (n, j) => n + (j.metadata.summary?.created ?? 0) + (j.metadata.summary?.updated ?? 0),
    0,
  );

  console.log(`machine: ${machine()}`);
  console.log(`repositories: ${REPOS} idle (3 issues each), worker concurrency 8, one worker process`);
  console.log(`periodic pass: ${(wallMs / 1000).toFixed(2)} s wall from the tick to the last job done`);
  console.log(`MCP calls: ${calls} for ${REPOS} repositories`);
  console.log(`jobs: ${jobs.length - failed} completed, ${failed} failed; issues written: ${written}`);
  console.log(
    `idle_pass_mcp_calls_per_repo=${(calls / REPOS).toFixed(3)} wall_s=${(wallMs / 1000).toFixed(2)}`,
  );
  return failed === 0 ? 0 : 1;
});

/** The sync jobs the periodic tick created (one per due repository). */
async function waitForPeriodicJobs(
  sys: Awaited<ReturnType<typeof startBenchSystem>>,
  count: number,
  since: Date,
) {
  for (;;) {
    const { rows } = await sys.db.query(
      `SELECT job_id FROM github_sync_jobs WHERE trigger = 'periodic' AND created_at >= $1`,
      [since],
    );
    if (rows.length >= count) return rows.map((r: { job_id: string }) => r.job_id);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
