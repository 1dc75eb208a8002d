import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { CleanupOldJobsHandler } from '#libs/maintenance';
import { ExclusiveLocks } from '#libs/queue';
import { PeriodicSyncHandler } from '#libs/sync';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;
const REPO = { owner: 'acme', name: 'engine', issues: 250, comments: 500, pullRequests: 0 };

describe('sync engine: incremental, periodic, cleanup, limits', () => {
  let system: TestSystem;
  let worker: INestApplicationContext;
  let api: ReturnType<typeof http>;
  let base: string;
  let projectId: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO], worker: false, env: { GITHUB_MCP_RATE_LIMIT_WAIT: '1' } });
    worker = await system.startWorker();
    const seeded = await seedWorkspace(system, ['acme/engine']);
    projectId = seeded.projectId;
    api = http(system.apiUrl, seeded.adminToken);
    base = `/workspaces/${seeded.slug}/integrations/github-mcp`;
    const first = await sync({});
    expect(first.status).toBe('completed');
  });

  afterAll(async () => {
    await system?.close();
  });

  async function sync(body: Json): Promise<Json> {
    const started = await api.post(`${base}/sync/`, body);
    expect([200, 202]).toContain(started.status);
    return waitFor(`job ${String(started.body.job_id)}`, async () => {
      const { body: job } = await api.get(`${base}/sync-jobs/${String(started.body.job_id)}/`);
      return ['completed', 'failed'].includes(String(job.status)) ? job : undefined;
    });
  }

  async function simPatch(path: string, body: Json, method = 'PATCH') {
    const res = await fetch(`${system.sim.url}/_admin/repos/acme/engine${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
  }

  it('costs exactly one MCP call per periodic pass of an idle repository', async () => {
    await system.db.query(`UPDATE github_repository_syncs SET last_synced_at = now() - interval '1 hour'`);
    system.sim.stats.reset();
    const tick = { id: 'tick', attemptsMade: 0, maxAttempts: 1, enqueuedAt: new Date() };
    const periodic = worker.get(PeriodicSyncHandler, { strict: false });
    expect(
      await periodic.handle({ ...tick, delayUntil: () => Promise.reject(new Error('unexpected')) }),
    ).toEqual({
      enqueued: 1,
    });
    const { rows } = await system.db.query(
      `SELECT job_id FROM github_sync_jobs WHERE trigger = 'periodic' ORDER BY created_at DESC LIMIT 1`,
    );
    const job = await waitFor('periodic pass', async () => {
      const { body } = await api.get(`${base}/sync-jobs/${rows[0].job_id}/`);
      return body.status === 'completed' ? body : undefined;
    });
    expect(job).toMatchObject({ items_written: 0 });
    expect(system.sim.stats.snapshot().total).toBe(1);
  });

  it('a manual pass of an idle repository also refreshes pull requests: two calls', async () => {
    system.sim.stats.reset();
    expect((await sync({})).status).toBe('completed');
    expect(system.sim.stats.snapshot().byTool).toEqual({ list_issues: 1, list_pull_requests: 1 });
  });

  it('picks up edits, new comments and closes since the cursor, and shows progress details', async () => {
    await simPatch('/issues/10', { title: 'Edited on GitHub', state: 'closed', state_reason: 'not_planned' });
    await simPatch('/issues/11/comments', { body: 'A new comment' }, 'POST');
    const job = await sync({});
    expect(job).toMatchObject({
      status: 'completed',
      phase: 'completed',
      items_written: 1, // the edited issue; the other one only gained a comment
      last_error: null,
    });
    expect((job.cursor as Json).since).toEqual(expect.any(String));
    expect((job.metadata as { summary: Json }).summary).toMatchObject({ comments_created: 1, updated: 1 });
    const list = await api.get(`/workspaces/acme/projects/${projectId}/issues/?per_page=100&state=cancelled`);
    expect((list.body.results as Json[]).map((i) => i.title)).toContain('Edited on GitHub');
    const { rows } = await system.db.query(
      `SELECT count(*)::int AS n FROM issue_comments c JOIN github_issue_syncs s ON s.issue_id = c.issue_id
       WHERE s.github_number = 11 AND c.body = 'A new comment'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('maps assignees to workspace members by GitHub login and keeps the others as external', async () => {
    await system.db.query(`UPDATE users SET github_login = 'Mona' WHERE email = 'member@acme.test'`);
    await simPatch('/issues/14', { assignees: ['mona', 'hubot'] });
    expect((await sync({})).status).toBe('completed');
    const { rows } = await system.db.query(
      `SELECT a.github_login, u.email FROM issue_assignees a
       JOIN github_issue_syncs s ON s.issue_id = a.issue_id LEFT JOIN users u ON u.id = a.user_id
       WHERE s.github_number = 14 ORDER BY a.github_login`,
    );
    expect(rows).toEqual([
      { github_login: 'hubot', email: null },
      { github_login: 'mona', email: 'member@acme.test' },
    ]);
  });

  it('soft-deletes issues GitHub no longer has on a full pass', async () => {
    await simPatch('/issues/12', {}, 'DELETE');
    const job = await sync({ force: true });
    expect((job.metadata as { summary: Json }).summary).toMatchObject({ soft_deleted: 1, created: 0 });
    const { rows } = await system.db.query(
      `SELECT i.deleted_at FROM issues i JOIN github_issue_syncs s ON s.issue_id = i.id WHERE s.github_number = 12`,
    );
    expect(rows[0].deleted_at).not.toBeNull();
  });

  it('waits out a rate limit instead of failing, without using up an attempt', async () => {
    await simPatch('/issues/13', { title: 'After the rate limit' });
    system.sim.faults.add({ tool: 'list_issues', mode: 'rate_limit', count: 1 });
    // GraphQL rate limits carry no reset time: the job waits GITHUB_MCP_RATE_LIMIT_WAIT (1 s here).
    const job = await sync({});
    expect(job.status).toBe('completed');
    expect((job.metadata as Json).rate_limited_until).toEqual(expect.any(String));
    expect((job.metadata as Json).attempt).toBe(1);
  }, 120_000);

  it('never runs two jobs of one repository at once', async () => {
    const { rows } = await system.db.query(`SELECT id::text FROM github_repository_syncs LIMIT 1`);
    const locks = worker.get(ExclusiveLocks, { strict: false });
    const held = await locks.acquire(`repository-sync:${rows[0].id}`, 'someone-else');
    expect(held).toBeDefined();
    const started = await api.post(`${base}/sync/`, {});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const { body: waiting } = await api.get(`${base}/sync-jobs/${String(started.body.job_id)}/`);
    expect(waiting.status).toBe('queued');
    await held?.release();
    const done = await waitFor('job after lock release', async () => {
      const { body } = await api.get(`${base}/sync-jobs/${String(started.body.job_id)}/`);
      return body.status === 'completed' ? body : undefined;
    });
    expect(done.status).toBe('completed');
  }, 60_000);

  it('a page waits for a webhook writer holding the same issue, then applies its change', async () => {
    const { rows } = await system.db.query(`SELECT id::text FROM github_repository_syncs LIMIT 1`);
    await simPatch('/issues/15', { title: 'Changed while a webhook held the issue' });
    const holder = await system.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`issue:${rows[0].id}:15`]);
      const started = await api.post(`${base}/sync/`, {});
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const { body: blocked } = await api.get(`${base}/sync-jobs/${String(started.body.job_id)}/`);
      expect(blocked.status).toBe('running');
      await holder.query('COMMIT');
      const done = await waitFor('job after the webhook lock', async () => {
        const { body } = await api.get(`${base}/sync-jobs/${String(started.body.job_id)}/`);
        return body.status === 'completed' ? body : undefined;
      });
      expect(done.items_written).toBe(1);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      holder.release();
    }
  }, 60_000);

  it('periodic_sync_all enqueues only due repositories and drops expired ticks', async () => {
    const periodic = worker.get(PeriodicSyncHandler, { strict: false });
    const context = (enqueuedAt: Date) => ({
      id: 'tick',
      attemptsMade: 0,
      maxAttempts: 1,
      enqueuedAt,
      delayUntil: async () => {
        throw new Error('not expected');
      },
    });
    expect(await periodic.handle(context(new Date()))).toEqual({ enqueued: 0 });
    await system.db.query(`UPDATE github_repository_syncs SET last_synced_at = now() - interval '1 hour'`);
    expect(await periodic.handle(context(new Date(Date.now() - 10 * 60_000)))).toMatchObject({
      expired: true,
    });
    expect(await periodic.handle(context(new Date()))).toEqual({ enqueued: 1 });
    const { rows } = await system.db.query(
      `SELECT job_id FROM github_sync_jobs WHERE trigger = 'periodic' ORDER BY created_at DESC LIMIT 1`,
    );
    const job = await waitFor('periodic job', async () => {
      const { body } = await api.get(`${base}/sync-jobs/${rows[0].job_id}/`);
      return body.status === 'completed' ? body : undefined;
    });
    expect(job.trigger).toBe('periodic');
  }, 60_000);

  it('cleanup_old_jobs drops finished jobs past retention and keeps the rest', async () => {
    await system.db.query(
      `UPDATE github_sync_jobs SET created_at = now() - interval '90 days'
       WHERE job_id = (SELECT job_id FROM github_sync_jobs ORDER BY created_at LIMIT 1)`,
    );
    const before = (await system.db.query(`SELECT count(*)::int AS n FROM github_sync_jobs`)).rows[0].n;
    const result = await worker.get(CleanupOldJobsHandler, { strict: false }).handle();
    expect(result.sync_jobs).toBe(1);
    const after = (await system.db.query(`SELECT count(*)::int AS n FROM github_sync_jobs`)).rows[0].n;
    expect(after).toBe(before - 1);
  });
});
