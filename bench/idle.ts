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

  step('incremental pass over the idle repositories');
  const before = await simCalls(sys.simUrl);
  const started = Date.now();
  const jobs = await waitForJobs(sys.db, await requestSync(sys, {}));
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
  console.log(`incremental pass: ${(wallMs / 1000).toFixed(2)} s wall from request to the last job done`);
  console.log(`jobs: ${jobs.length - failed} completed, ${failed} failed; issues written: ${written}`);
  console.log(
    `idle_pass_mcp_calls_per_repo=${(calls / REPOS).toFixed(3)} wall_s=${(wallMs / 1000).toFixed(2)}`,
  );
  return failed === 0 ? 0 : 1;
});
