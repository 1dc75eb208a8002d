import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { TokenRateLimiter, tokenKey } from '#libs/github-budget';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { type Rest, detail, rest, setDirection, syncQueue, synced } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

/** Write routes (validation, roles, tenancy) and the per-token write pace, with a budget of 2 writes a minute. */
describe('issue write API and per-token write pacing', () => {
  let system: TestSystem;
  let admin: Rest;
  let member: Rest;
  let other: Rest;
  let projectId: string;
  let otherProjectId: string;
  let path: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 2, comments: 0, pullRequests: 0 }],
      env: { GITHUB_WRITES_PER_MINUTE: '2', SYNC_ISSUE_DEBOUNCE_MS: '0' },
    });
    const seeded = await seedWorkspace(system, ['acme/web']);
    const otherSeed = await seedWorkspace(system, [], 'globex');
    projectId = seeded.projectId;
    otherProjectId = otherSeed.projectId;
    admin = rest(system.apiUrl, seeded.adminToken);
    member = rest(system.apiUrl, seeded.memberToken);
    other = rest(system.apiUrl, otherSeed.adminToken);
    path = `/workspaces/acme/projects/${projectId}/issues`;
  });

  afterAll(async () => {
    await system?.close();
  });

  it('validates input with a 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{}, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x', state: 'closed' }, 'state'],
      [{ title: 'x', assignees: ['not a login!'] }, 'assignees'],
      [{ title: 'x', labels: [''] }, 'labels.0'],
      [{ title: 'x', extra: 1 }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post(`${path}/`, body);
      expect(res.status).toBe(400);
      if (field) expect(res.body.error).toMatchObject({ field });
    }
    const created = await admin.post(`${path}/`, { title: 'valid' });
    const id = String(created.body.id);
    expect((await admin.patch(`${path}/${id}/`, {})).status).toBe(400);
    expect((await admin.patch(`${path}/not-a-uuid/`, { title: 'x' })).body.error).toMatchObject({
      field: 'issue_id',
    });
    expect((await admin.post(`${path}/${id}/comments/`, { body: ' ' })).body.error).toMatchObject({
      field: 'body',
    });
  });

  it('lets members write; other workspaces get 404', async () => {
    const created = await member.post(`${path}/`, { title: 'by a member', assignees: ['hubot'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'by a member',
      assignees: [{ github_login: 'hubot', user_id: null }],
    });
    const id = String(created.body.id);
    expect((await member.patch(`${path}/${id}/`, { priority: 'high' })).status).toBe(200);
    expect((await member.post(`${path}/${id}/comments/`, { body: 'hi' })).status).toBe(201);

    expect((await other.patch(`${path}/${id}/`, { title: 'x' })).status).toBe(404);
    const crossProject = `/workspaces/globex/projects/${projectId}/issues/${id}/`;
    expect((await other.patch(crossProject, { title: 'x' })).status).toBe(404);
    const wrongIssue = `/workspaces/globex/projects/${otherProjectId}/issues/${id}/`;
    expect((await other.patch(wrongIssue, { title: 'x' })).status).toBe(404);
    expect(
      (
        await other.post(`/workspaces/globex/projects/${otherProjectId}/issues/${id}/comments/`, {
          body: 'x',
        })
      ).status,
    ).toBe(404);
    expect((await detail(admin, projectId, id)).title).toBe('by a member');
  });

  it('does not queue writes for a project whose repository only syncs from GitHub', async () => {
    const created = await admin.post(`${path}/`, { title: 'stays local' });
    expect(created.body.github_sync).toEqual({ queued: false, job_id: null });
  });

  it('paces writes per token across workers: beyond the budget a write waits (delayed job, no attempt used)', async () => {
    await setDirection(system, 'to_github');
    const ids: string[] = [];
    const jobs: string[] = [];
    for (const title of ['paced one', 'paced two', 'paced three']) {
      const created = await admin.post(`${path}/`, { title });
      expect(created.body.github_sync).toMatchObject({ queued: true });
      ids.push(String(created.body.id));
      jobs.push(String((created.body.github_sync as { job_id: string }).job_id));
    }
    const queue = syncQueue(system);
    try {
      const states = await waitFor('two written, one delayed', async () => {
        const all = await Promise.all(jobs.map(async (id) => (await queue.getJob(id))?.getState()));
        const done = all.filter((s) => s === 'completed').length;
        return done === 2 && all.includes('delayed') ? all : undefined;
      });
      expect(states.filter((s) => s === 'failed')).toHaveLength(0);
      const delayed = await queue.getJob(jobs[states.indexOf('delayed')]!);
      expect(delayed?.attemptsMade).toBe(0);
      const linked = await Promise.all(
        ids.map(async (id) => (await detail(admin, projectId, id)).github !== null),
      );
      expect(linked.filter(Boolean)).toHaveLength(2);
      await synced(admin, projectId, ids[states.indexOf('completed')]!);
    } finally {
      await queue.close();
    }
    const redis = new Redis(system.config.redisUrl);
    const limiter = new TokenRateLimiter(redis, {
      prefix: system.config.queue.prefix,
      writesPerWindow: 2,
      windowMs: 60_000,
      concurrency: 4,
      slotTtlMs: 60_000,
    });
    expect(await limiter.usage(tokenKey(DEFAULT_SIM_TOKEN))).toEqual({ writes: 2, inFlight: 0 });
    redis.disconnect();
    const created = [...(system.sim.store.repo('acme', 'web')?.items.values() ?? [])].filter((i) =>
      i.title.startsWith('paced'),
    );
    expect(created).toHaveLength(2);
  });
});
