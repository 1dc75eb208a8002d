import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { SyncStreams, eventsChannel } from '#libs/sync';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';
import { type SseEvent, dataOf, openSse } from './support/sse.js';

const REPO = { owner: 'acme', name: 'web', issues: 1000, comments: 0, pullRequests: 0 };

/** Live sync progress (SSE) fed by the worker through Redis pub/sub, against the simulator. */
describe('console: live sync progress (server-sent events)', () => {
  let system: TestSystem;
  let acme: Awaited<ReturnType<typeof seedWorkspace>>;
  let other: Awaited<ReturnType<typeof seedWorkspace>>;
  let base: string;
  let redis: Redis;

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO], env: { SSE_HEARTBEAT_SECONDS: '1' } });
    acme = await seedWorkspace(system, ['acme/web'], 'acme');
    other = await seedWorkspace(system, ['acme/web'], 'other');
    base = `${system.apiUrl}/workspaces/acme/integrations/github-mcp`;
    redis = new Redis(system.config.redisUrl);
  });

  afterAll(async () => {
    redis?.disconnect();
    await system?.close();
  });

  const streams = () => system.api.get(SyncStreams).stats();
  const ids = (events: SseEvent[]) => events.filter((e) => e.event === 'job').map((e) => Number(e.id));

  async function startSync(body: Record<string, unknown> = {}): Promise<string> {
    const sync = await http(system.apiUrl, acme.adminToken).post(
      '/workspaces/acme/integrations/github-mcp/sync/',
      body,
    );
    expect([200, 202]).toContain(sync.status);
    return String(sync.body.job_id);
  }

  it('streams a ~1,000-issue sync from queued/running to completed with increasing ids, then end', async () => {
    const status = await openSse(`${base}/status/events`, acme.memberToken);
    expect(status.status).toBe(200);
    const initial = await status.waitFor((e) => e.event === 'status');
    expect(dataOf(initial)).toMatchObject({ current_sync_job: null });

    const jobId = await startSync();
    const job = await openSse(`${base}/sync-jobs/${jobId}/events`, acme.memberToken);
    expect(job.status).toBe(200);
    expect(job.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(job.headers.get('cache-control')).toBe('no-cache');
    expect(job.headers.get('x-accel-buffering')).toBe('no');
    await job.ended;

    const events = job.events;
    expect(events.at(-1)).toMatchObject({ event: 'end' });
    expect(JSON.parse(events.at(-1)?.data ?? '{}')).toEqual({ job_id: jobId, status: 'completed' });
    const jobEvents = events.filter((e) => e.event === 'job').map(dataOf);
    expect(['queued', 'running']).toContain(jobEvents[0]?.status);
    const sequence = ids(events);
    for (let i = 1; i < sequence.length; i += 1) expect(sequence[i]).toBeGreaterThan(sequence[i - 1] ?? 0);
    const percents = jobEvents.map((d) => Number(d.percent));
    for (let i = 1; i < percents.length; i += 1)
      expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1] ?? 0);
    expect(percents.some((p) => p > 0 && p < 100)).toBe(true); // progress arrives page by page
    const last = jobEvents.at(-1);
    expect(last).toMatchObject({ status: 'completed', percent: 100, progress: 100, repository: 'acme/web' });
    expect(last?.total).toBeGreaterThanOrEqual(1000);
    expect(last).toMatchObject({ failures: 0, last_error: null, waiting_until: null, wait_reason: null });
    // The data is the polling route's JSON.
    const polled = await http(system.apiUrl, acme.memberToken).get(
      `/workspaces/acme/integrations/github-mcp/sync-jobs/${jobId}/`,
    );
    expect(polled.body).toEqual(last);
    expect(Number(sequence.at(-1))).toBe(polled.body.version);

    // The workspace stream saw the sync start and end (coalesced: events at least ~250 ms apart).
    const started = await status.waitFor(
      (e) => (dataOf(e).current_sync_job as { job_id?: string } | null)?.job_id === jobId,
    );
    const ended = await status.waitFor(
      (e) =>
        dataOf(e).current_sync_job === null &&
        (dataOf(e).recent_jobs as { status: string }[])[0]?.status === 'completed',
    );
    expect(Number(ended.id)).toBeGreaterThan(Number(started.id));
    const statusEvents = status.events.filter((e) => e.event === 'status');
    for (let i = 2; i < statusEvents.length; i += 1) {
      expect((statusEvents[i]?.at ?? 0) - (statusEvents[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(150);
      expect(Number(statusEvents[i]?.id)).toBeGreaterThan(Number(statusEvents[i - 1]?.id));
    }
    expect(statusEvents.length).toBeLessThan(jobEvents.length + 3);
    // The ended job stream is counted once in the HTTP metrics, by its route pattern (fastify runs the
    // onResponse hook for a hijacked reply when its raw response finishes).
    const counted = new RegExp(
      String.raw`github_mcp_http_requests_total\{method="GET",route="/api/workspaces/:slug/integrations/github-mcp/sync-jobs/:jobId/events",status_code="200"[^}]*\} (\d+)`,
    );
    const count = await waitFor('the job stream in the HTTP metrics', async () => {
      const text = await (await fetch(`${new URL(system.apiUrl).origin}/metrics`)).text();
      return counted.exec(text)?.[1];
    });
    expect(count).toBe('1');
    // SSE_HEARTBEAT_SECONDS=1 here: an idle second brings a comment (the sync may end within a second).
    await waitFor('a keep-alive comment', async () =>
      status.comments.includes('keep-alive') ? true : undefined,
    );
    expect(status.comments).toContain('keep-alive');
    status.close();
  }, 120_000);

  it('resumes after Last-Event-ID without repeating the last event', async () => {
    const jobId = await startSync({ force: true });
    const first = await openSse(`${base}/sync-jobs/${jobId}/events`, acme.adminToken);
    const seen = await first.waitFor((e) => e.event === 'job' && Number(dataOf(e).percent) > 0);
    first.close();
    const again = await openSse(`${base}/sync-jobs/${jobId}/events`, acme.adminToken, {
      'last-event-id': String(seen.id),
    });
    await again.ended;
    const resumed = ids(again.events);
    expect(resumed.length).toBeGreaterThan(0);
    expect(Math.min(...resumed)).toBeGreaterThan(Number(seen.id));
    expect(again.events.at(-1)?.event).toBe('end');

    // Caught up with the final version: nothing but `end`.
    const done = await openSse(`${base}/sync-jobs/${jobId}/events`, acme.adminToken, {
      'last-event-id': String(resumed.at(-1)),
    });
    await done.ended;
    expect(done.events.map((e) => e.event)).toEqual(['end']);
    // Without Last-Event-ID a finished job still sends its state once.
    const fresh = await openSse(`${base}/sync-jobs/${jobId}/events`, acme.adminToken);
    await fresh.ended;
    expect(fresh.events.map((e) => e.event)).toEqual(['job', 'end']);
    expect(Number(fresh.events[0]?.id)).toBe(resumed.at(-1));
  }, 120_000);

  it('answers 401 / 404 as JSON before streaming: no token, another workspace, unknown job', async () => {
    const polled = await http(system.apiUrl, acme.memberToken).get(
      '/workspaces/acme/integrations/github-mcp/status/',
    );
    const jobId = (polled.body.recent_jobs as { job_id: string }[])[0]?.job_id ?? '';
    expect(jobId).not.toBe('');
    for (const url of [`${base}/sync-jobs/${jobId}/events`, `${base}/status/events`]) {
      const anonymous = await openSse(url, undefined);
      expect(anonymous.status).toBe(401);
      const foreign = await openSse(url, other.adminToken);
      expect(foreign.status).toBe(404);
      expect(JSON.parse(foreign.text)).toMatchObject({ error: { code: 'not_found' } });
    }
    const otherBase = `${system.apiUrl}/workspaces/other/integrations/github-mcp`;
    const notTheirs = await openSse(`${otherBase}/sync-jobs/${jobId}/events`, other.adminToken);
    expect(notTheirs.status).toBe(404);
    const unknown = await openSse(`${base}/sync-jobs/sync-nope/events`, acme.memberToken);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/json/);
    expect(JSON.parse(unknown.text)).toMatchObject({ error: { code: 'not_found' } });
    expect(streams()).toMatchObject({ clients: 0, job_feeds: 0, status_feeds: 0, channels: 0, listeners: 0 });
  });

  it('frees everything when clients go away: 50 streams opened and closed leave no subscriber behind', async () => {
    const channel = eventsChannel(
      system.config.queue.prefix,
      (await system.db.query<{ id: string }>(`SELECT id FROM workspaces WHERE slug = 'acme'`)).rows[0]?.id ??
        '',
    );
    const baseline = streams();
    expect(baseline).toMatchObject({ clients: 0, channels: 0, listeners: 0 });
    const open = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const s = await openSse(`${base}/status/events`, acme.memberToken);
        await s.waitFor((e) => e.event === 'status');
        return s;
      }),
    );
    expect(streams()).toMatchObject({ clients: 50, status_feeds: 1, channels: 1, listeners: 1 });
    const [, numsub] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
    expect(Number(numsub)).toBe(1); // one Redis subscription for the 50 clients
    for (const s of open) s.close();
    await waitFor(
      'streams to be freed',
      async () => (streams().clients === 0 && streams().channels === 0 ? true : undefined),
      10_000,
    );
    expect(streams()).toEqual(baseline);
    await waitFor(
      'the Redis subscription to go',
      async () => {
        const [, n] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
        return Number(n) === 0 ? true : undefined;
      },
      10_000,
    );
  });
});
