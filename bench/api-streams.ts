import { type ClientRequest, request } from 'node:http';
import { step } from '../scripts/lib/log.js';
import { cpuSeconds } from './cpu-meter.js';
import { machine, requestSync, startBenchSystem, waitForJobs } from './support.js';

/** One open server-sent events stream of the bench: its frames by event name. */
interface Stream {
  req: ClientRequest;
  events: Record<string, number>;
  ended: Promise<void>;
}

/** Opens `url` as an event stream on its own connection; resolves once the 200 headers are in. */
function openStream(url: string, token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const events: Record<string, number> = {};
    let markEnded = () => undefined as void;
    const ended = new Promise<void>((done) => (markEnded = done));
    const req = request(url, { agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`GET ${url} answered ${res.statusCode}`));
        res.resume();
        return;
      }
      let buffered = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffered += chunk;
        const frames = buffered.split('\n\n');
        buffered = frames.pop() ?? '';
        for (const frame of frames) {
          const name = /^event: (\S+)/m.exec(frame)?.[1] ?? (frame.startsWith(':') ? 'comment' : 'other');
          events[name] = (events[name] ?? 0) + 1;
        }
      });
      res.once('end', markEnded);
      res.once('close', markEnded);
      resolve({ req, events, ended });
    });
    req.once('error', reject);
    req.end();
  });
}

/** Opens `count` streams, 50 at a time. */
async function openMany(count: number, url: () => string, token: string): Promise<Stream[]> {
  const streams: Stream[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () => openStream(url(), token));
    streams.push(...(await Promise.all(batch)));
  }
  return streams;
}

function sum(streams: Stream[], event: string): number {
  return streams.reduce((total, s) => total + (s.events[event] ?? 0), 0);
}

/**
 * `npm run bench:api -- streams [STREAMS] [ISSUES]` (defaults 1000 10000): the API's CPU for the console's
 * progress streams during a full sync. The worker starts the repository's first (periodic) sync as soon
 * as it is connected; `POST …/sync/` then answers with that job. Half the streams follow the workspace
 * status (`…/status/events`), opened first; half follow the sync job (`…/sync-jobs/{id}/events`), opened
 * once it is known. Measured (API process, % of one core): 5 s with the status streams open, and from the
 * sync request until the job completed and every job stream got its `end`. Last line:
 * `streams=… issues=… api_cpu_pct_during_sync=… api_cpu_pct_status_streams=… sync_s=…`.
 */
export async function benchStreams(count: number, issues: number): Promise<number> {
  const sys = await startBenchSystem({
    simArgs: ['--repos', `bench/streams:${issues}:${issues * 3}:0`],
    repositories: ['bench/streams'],
    env: { RATE_LIMIT_PER_TOKEN: '1000000', RATE_LIMIT_PER_IP: '1000000' },
  });
  const pid = sys.api.child.pid ?? 0;
  const events = `${sys.apiBase}/workspaces/bench/integrations/github-mcp`;
  const statusCount = Math.floor(count / 2);
  step(`opening ${statusCount} status streams`);
  const openStarted = cpuSeconds(pid);
  const statusStreams = await openMany(statusCount, () => `${events}/status/events`, sys.token);
  const openCpu = cpuSeconds(pid) - openStarted;
  step('5 s with the status streams open');
  const idleCpu0 = cpuSeconds(pid);
  const idleT0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const statusOnlyPct = ((cpuSeconds(pid) - idleCpu0) * 100_000) / (performance.now() - idleT0);

  step(`syncing ${issues} issues with ${count - statusCount} job streams opened on the job`);
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  const [jobId] = await requestSync(sys, { repository: 'bench/streams', force: true });
  const jobStreams = await openMany(
    count - statusCount,
    () => `${events}/sync-jobs/${jobId}/events`,
    sys.token,
  );
  const [job] = await waitForJobs(sys.db, [jobId as string]);
  await Promise.race([
    Promise.all(jobStreams.map((s) => s.ended)),
    new Promise((resolve) => setTimeout(resolve, 30_000)),
  ]);
  const seconds = (performance.now() - t0) / 1000;
  const syncPct = ((cpuSeconds(pid) - cpu0) * 100) / seconds;
  const syncSeconds = job ? (job.completed_at.getTime() - job.started_at.getTime()) / 1000 : NaN;
  for (const stream of [...statusStreams, ...jobStreams]) stream.req.destroy();
  const { rows: jobs } = await sys.db.query<{ trigger: string; status: string; n: number }>(
    `SELECT trigger::text, status::text, count(*)::int AS n FROM github_sync_jobs GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  await sys.db.end();

  const f = (n: number, d = 1) => n.toFixed(d);
  console.log(`machine: ${machine()}`);
  console.log(
    `sync: ${job?.status}, ${job?.items_synced} items in ${f(syncSeconds)} s (started → completed); ` +
      `${f(seconds)} s from the sync request until every job stream ended; ` +
      `jobs in the run by trigger/status: ${jobs.map((j) => `${j.trigger}/${j.status} ${j.n}`).join(', ')}`,
  );
  console.log(
    `opening ${statusCount} streams: ${f((openCpu * 1000) / statusCount, 2)} ms API CPU per stream; ` +
      `5 s with them open: ${f(statusOnlyPct)} % of a core`,
  );
  console.log(
    `during the sync: API ${f(syncPct)} % of a core for ${count} streams (opening the ${count - statusCount} ` +
      `job streams included); received job events ${sum(jobStreams, 'job')}, ends ${sum(jobStreams, 'end')}` +
      `/${jobStreams.length}, status events ${sum(statusStreams, 'status')}`,
  );
  console.log(
    `streams=${count} issues=${issues} api_cpu_pct_during_sync=${f(syncPct)} api_cpu_pct_status_streams=${f(statusOnlyPct)} ` +
      `sync_s=${f(syncSeconds)}`,
  );
  return job?.status === 'completed' ? 0 : 1;
}
