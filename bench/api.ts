import { runMain } from '../scripts/lib/lifecycle.js';
import { step } from '../scripts/lib/log.js';
import { freePort } from '../scripts/lib/proc.js';
import { type AppProcess, httpUp, startApp } from '../scripts/lib/app-process.js';
import { benchStreams } from './api-streams.js';
import { type OpenLoop, agent, firstDifference, get, openLoop, serialCpuMs } from './api-load.js';
import { machine, requestSync, startBenchSystem, waitForJobs } from './support.js';

/**
 * `npm run bench:api [-- RATE SECONDS SERIAL]` (defaults 200 20 500): what the read routes cost the API.
 * Seeds a workspace with a synced 1,000-issue repository (3,000 comments), 40 finished jobs and a running
 * one; the worker is then stopped so nothing else runs. Per route: the API process's CPU per request
 * (SERIAL requests one after another, from /proc/<pid>/stat), then RATE/s for SECONDS in open loop
 * (p50/p95/p99, keep-alive). The same for the floor, a separate bare node:http + pg process running the
 * API's SQL and presenters (bench/api-floor.ts); both answers are compared first. Rate limits stay on
 * (raised so that they never refuse). Last line:
 * `status_p95_ms=… status_cpu_ms=… job_cpu_ms=… issues_list_cpu_ms=… issue_cpu_ms=… vs_floor_cpu_ratio=…`.
 * `npm run bench:api -- streams [STREAMS ISSUES]`: the progress streams during a sync (bench/api-streams.ts).
 */
const RATE = Number(process.argv[2] ?? 200);
const SECONDS = Number(process.argv[3] ?? 20);
const SERIAL = Number(process.argv[4] ?? 500);
/** Keys whose values depend on the moment of the answer. */
const VOLATILE = new Set(['cursor_age_seconds', 'uptime_seconds']);

interface Measured {
  cpuMs: number;
  load: OpenLoop;
}

async function benchReads(): Promise<number> {
  const sys = await startBenchSystem({
    simArgs: ['--repos', 'bench/reads:1000:3000:0'],
    repositories: ['bench/reads'],
    env: { RATE_LIMIT_PER_TOKEN: '1000000', RATE_LIMIT_PER_IP: '1000000' },
  });
  step('syncing the 1,000-issue repository');
  const [synced] = await waitForJobs(sys.db, await requestSync(sys, { repository: 'bench/reads' }));
  if (synced?.status !== 'completed') throw new Error(`sync failed: ${synced?.error_message}`);
  // Only the measured requests may run from now on: no schedule, no reconciler.
  await sys.worker.stop();
  const { rows: jobs } = await sys.db.query<{ job_id: string }>(`SELECT job_id FROM github_sync_jobs`);
  await sys.db.query(
    `INSERT INTO github_sync_jobs (id, job_id, workspace_id, workspace_integration_id, repository_sync_id,
       status, direction, trigger, "full", items_total, items_synced, items_failed, checkpoint, started_at,
       completed_at, metadata, created_at, updated_at)
     SELECT gen_random_uuid(), 'bench-' || n, workspace_id, workspace_integration_id, repository_sync_id,
       CASE WHEN n = 0 THEN 'running' ELSE 'completed' END::"SyncJobStatus", direction, 'periodic', false,
       1000, CASE WHEN n = 0 THEN 400 ELSE 1000 END, 0,
       CASE WHEN n = 0 THEN '{"phase":"issues","fetched":400,"written":400,"skipped":0,"after":"c400"}'::jsonb
         ELSE checkpoint END,
       now() - n * interval '5 minutes', CASE WHEN n = 0 THEN NULL ELSE now() - n * interval '4 minutes' END,
       metadata, now() - n * interval '5 minutes', now()
     FROM github_sync_jobs, generate_series(0, 40) AS n WHERE job_id = $1`,
    [jobs[0]?.job_id],
  );
  const { rows: ids } = await sys.db.query<{ project_id: string; issue_id: string }>(
    `SELECT i.project_id, i.id AS issue_id FROM issues i
     WHERE (SELECT count(*) FROM issue_comments c WHERE c.issue_id = i.id) BETWEEN 3 AND 6
     ORDER BY i.sequence_id LIMIT 1`,
  );
  const { project_id: projectId, issue_id: issueId } = ids[0] ?? { project_id: '', issue_id: '' };
  const workspace = '/workspaces/bench';
  const routes: [string, string][] = [
    ['health/live', '/health/live'],
    ['sync-jobs/{job_id}', `${workspace}/integrations/github-mcp/sync-jobs/bench-0/`],
    ['status', `${workspace}/integrations/github-mcp/status/`],
    ['projects/{id}/issues?per_page=50', `${workspace}/projects/${projectId}/issues/?per_page=50`],
    ['issues/{id}', `${workspace}/projects/${projectId}/issues/${issueId}/`],
  ];

  const floorPort = await freePort();
  const floorBase = `http://127.0.0.1:${floorPort}/api`;
  const floor: AppProcess = await startApp({
    name: 'bench-api-floor',
    entry: 'bench/api-floor',
    env: {
      DATABASE_URL: sys.env.DATABASE_URL as string,
      FLOOR_PORT: String(floorPort),
      FLOOR_LIVE_BODY: (await get(`${sys.apiBase}/health/live`, sys.token)).body,
    },
    ready: () => httpUp(`${floorBase}/health/live`),
  });

  step('comparing the answers of the API and the floor');
  const same: string[] = [];
  for (const [name, path] of routes) {
    const [a, b] = await Promise.all([get(sys.apiBase + path, sys.token), get(floorBase + path, sys.token)]);
    if (a.status !== 200 || b.status !== 200) throw new Error(`${name}: api ${a.status}, floor ${b.status}`);
    const diff = firstDifference(JSON.parse(a.body), JSON.parse(b.body), VOLATILE);
    same.push(`${name} ${diff ? `DIFFERS at ${diff}` : 'same'} (${a.body.length} bytes)`);
  }

  const measure = async (who: string, pid: number, base: string): Promise<Measured[]> => {
    const results: Measured[] = [];
    for (const [name, path] of routes) {
      step(`${who} ${name}: ${SERIAL} serial requests, then ${RATE}/s for ${SECONDS} s`);
      const cpuMs = await serialCpuMs(pid, base + path, sys.token, SERIAL);
      results.push({ cpuMs, load: await openLoop(pid, base + path, sys.token, RATE, SECONDS) });
    }
    return results;
  };
  const api = await measure('api', sys.api.child.pid ?? 0, sys.apiBase);
  const bare = await measure('floor', floor.child.pid ?? 0, floorBase);
  await floor.stop();
  await sys.db.end();

  console.log(`machine: ${machine()}`);
  console.log(`answers: ${same.join('; ')}`);
  console.log(
    `route | api cpu/req ms | floor cpu/req ms | ratio | api p50/p95/p99 ms at ${RATE}/s | ` +
      `floor p50/p95/p99 ms | api cpu/req ms under load | late sends api/floor`,
  );
  const f = (n: number, d = 2) => n.toFixed(d);
  const ratios: number[] = [];
  routes.forEach(([name], i) => {
    const a = api[i] as Measured;
    const b = bare[i] as Measured;
    const ratio = a.cpuMs / b.cpuMs;
    ratios.push(ratio);
    console.log(
      `${name} | ${f(a.cpuMs)} | ${f(b.cpuMs)} | ${f(ratio, 1)} | ${f(a.load.p50, 1)}/${f(a.load.p95, 1)}/` +
        `${f(a.load.p99, 1)} | ${f(b.load.p50, 1)}/${f(b.load.p95, 1)}/${f(b.load.p99, 1)} | ` +
        `${f(a.load.cpuMs)} | ${a.load.late}/${b.load.late}`,
    );
  });
  const cpu = (i: number) => f((api[i] as Measured).cpuMs);
  console.log(
    `status_p95_ms=${f((api[2] as Measured).load.p95)} status_cpu_ms=${cpu(2)} job_cpu_ms=${cpu(1)} ` +
      `issues_list_cpu_ms=${cpu(3)} issue_cpu_ms=${cpu(4)} vs_floor_cpu_ratio=${f(Math.max(...ratios))}`,
  );
  agent.destroy();
  return 0;
}

await runMain(() =>
  process.argv[2] === 'streams'
    ? benchStreams(Number(process.argv[3] ?? 1000), Number(process.argv[4] ?? 10_000))
    : benchReads(),
);
