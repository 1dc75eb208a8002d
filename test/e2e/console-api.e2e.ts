import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TokenBudgets, tokenKey } from '#libs/github-budget';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { WEBHOOK_ENV, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;
const REPOS = [
  { owner: 'acme', name: 'web', issues: 5, comments: 0, pullRequests: 0 },
  { owner: 'acme', name: 'api', issues: 2, comments: 0, pullRequests: 0 },
];

/** The console's routes: job history, projects, overview and the status rows (over HTTP, simulator). */
describe('console API: job history, projects, overview, status', () => {
  let system: TestSystem;
  let acme: Awaited<ReturnType<typeof seedWorkspace>>;
  let admin: ReturnType<typeof http>;
  let member: ReturnType<typeof http>;
  const base = '/workspaces/acme/integrations/github-mcp';
  const jobs: string[] = [];

  beforeAll(async () => {
    system = await startSystem({
      repos: REPOS,
      env: { ...WEBHOOK_ENV, PUBLIC_BASE_URL: 'https://sync.example.com/', GITHUB_WRITES_PER_MINUTE: '70' },
    });
    acme = await seedWorkspace(system, ['acme/web', 'acme/api'], 'acme');
    admin = http(system.apiUrl, acme.adminToken);
    member = http(system.apiUrl, acme.memberToken);
    for (const body of [{ repository: 'acme/web' }, { repository: 'acme/api' }, { repository: 'acme/web' }]) {
      const sync = await admin.post(`${base}/sync/`, body);
      const jobId = String(sync.body.job_id);
      jobs.push(jobId);
      await waitFor(`job ${jobId}`, async () => {
        const { body: job } = await member.get(`${base}/sync-jobs/${jobId}/`);
        return job.status === 'completed' ? job : undefined;
      });
    }
  });

  afterAll(async () => {
    await system?.close();
  });

  it('lists job history newest first with filters and pagination', async () => {
    const all = await member.get(`${base}/sync-jobs/`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, per_page: 25 });
    const results = all.body.results as Json[];
    expect(results.map((j) => j.job_id)).toEqual([...jobs].reverse());
    expect(results[0]).toMatchObject({
      repository: 'acme/web',
      status: 'completed',
      percent: 100,
      trigger: 'manual',
    });
    const detail = await member.get(`${base}/sync-jobs/${jobs[2]}/`);
    expect(results[0]).toEqual(detail.body);

    const api = await member.get(`${base}/sync-jobs/?repository=acme/api`);
    expect((api.body.results as Json[]).map((j) => j.job_id)).toEqual([jobs[1]]);
    expect((await member.get(`${base}/sync-jobs/?repository=acme/nope`)).body).toMatchObject({
      total: 0,
      results: [],
    });
    expect((await member.get(`${base}/sync-jobs/?status=completed,failed`)).body.total).toBe(3);
    expect((await member.get(`${base}/sync-jobs/?status=failed&status=completed`)).body.total).toBe(3);
    expect((await member.get(`${base}/sync-jobs/?status=running`)).body.total).toBe(0);
    expect((await member.get(`${base}/sync-jobs/?trigger=periodic`)).body.total).toBe(0);
    expect((await member.get(`${base}/sync-jobs/?trigger=manual&direction=from_github`)).body.total).toBe(3);
    const page2 = await member.get(`${base}/sync-jobs/?per_page=2&page=2`);
    expect(page2.body).toMatchObject({ total: 3, page: 2, per_page: 2 });
    expect((page2.body.results as Json[]).map((j) => j.job_id)).toEqual([jobs[0]]);

    for (const [query, field] of [
      ['status=done', 'status'],
      ['status=completed,nope', 'status'],
      ['repository=not-a-repo', 'repository'],
      ['per_page=101', 'per_page'],
      ['page=0', 'page'],
      ['trigger=cron', 'trigger'],
      ['colour=red', undefined],
    ] as const) {
      const bad = await member.get(`${base}/sync-jobs/?${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      if (field) expect((bad.body.error as Json).field).toBe(field);
    }
  });

  it('status rows carry the last sync, the cursor age and the current job', async () => {
    const { body } = await member.get(`${base}/status/`);
    const rows = body.repositories as Json[];
    expect(rows.map((r) => r.full_name)).toEqual(['acme/web', 'acme/api']);
    for (const row of rows) {
      expect(row.last_synced_at).toEqual(expect.any(String));
      expect(row.cursor_age_seconds).toEqual(expect.any(Number));
      expect(row.current_job).toBeNull();
    }
    // A queued job (no worker picks it up while the queue is paused) shows as the row's current job.
    await system.db.query(
      `INSERT INTO github_sync_jobs (id, job_id, workspace_id, workspace_integration_id, repository_sync_id, direction, trigger, updated_at)
       SELECT gen_random_uuid(), 'sync-probe', workspace_id, workspace_integration_id, id, direction, 'manual', now()
       FROM github_repository_syncs WHERE id = $1`,
      [rows[1]?.id],
    );
    const again = await member.get(`${base}/status/`);
    const api = (again.body.repositories as Json[])[1];
    expect(api?.current_job).toMatchObject({
      job_id: 'sync-probe',
      status: 'queued',
      percent: 0,
      phase: 'queued',
    });
    expect((again.body.repositories as Json[])[0]?.current_job).toBeNull();
    await system.db.query(
      `UPDATE github_sync_jobs SET status = 'failed', completed_at = now() WHERE job_id = 'sync-probe'`,
    );
  });

  it('lists projects with issue counts and creates them (admin), refusing duplicates and bad input', async () => {
    const list = await member.get('/workspaces/acme/projects/');
    expect(list.status).toBe(200);
    expect(list.body.results).toEqual([
      { id: acme.projectId, name: 'Web', identifier: 'WEB', created_at: expect.any(String), issue_count: 7 },
    ]);
    const created = await admin.post('/workspaces/acme/projects/', { name: 'Mobile', identifier: 'MOB2' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Mobile',
      identifier: 'MOB2',
      created_at: expect.any(String),
      issue_count: 0,
    });

    const duplicate = await admin.post('/workspaces/acme/projects/', { name: 'Other', identifier: 'MOB2' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'conflict', field: 'identifier' });
    expect((await member.post('/workspaces/acme/projects/', { name: 'X', identifier: 'X' })).status).toBe(
      403,
    );
    for (const [body, field] of [
      [{ name: 'Lower', identifier: 'mob' }, 'identifier'],
      [{ name: 'Long', identifier: 'ABCDEFGHIJK' }, 'identifier'],
      [{ name: 'Empty', identifier: '' }, 'identifier'],
      [{ identifier: 'NONAME' }, 'name'],
      [{ name: '   ', identifier: 'BLANK' }, 'name'],
      [{ name: 'Extra', identifier: 'EXTRA', colour: 'red' }, undefined],
    ] as const) {
      const bad = await admin.post('/workspaces/acme/projects/', body);
      expect({ body, status: bad.status }).toEqual({ body, status: 400 });
      if (field) expect((bad.body.error as Json).field).toBe(field);
    }
    // Nothing half-written: only WEB and MOB2 exist, MOB2 still named Mobile.
    const after = await member.get('/workspaces/acme/projects/');
    expect((after.body.results as Json[]).map((p) => [p.identifier, p.name])).toEqual([
      ['WEB', 'Web'],
      ['MOB2', 'Mobile'],
    ]);
  });

  it('overview: connection, switch, recent jobs, webhook counts and stale repositories, write budget', async () => {
    const before = await member.get(`${base}/overview/`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      integration: {
        status: 'connected',
        auth_kind: 'token',
        installation_id: null,
        connected_at: expect.any(String),
      },
      enabled: true,
      webhooks: {
        url: 'https://sync.example.com/api/webhooks/github-mcp',
        secret_configured: true,
        last_received_at: null,
        processed_24h: 0,
        failed_24h: 0,
      },
      write_budget: { per_minute: 70, used_last_minute: 0, concurrency_per_token: 4 },
    });
    const recent = before.body.recent_jobs as Json[];
    expect(recent.length).toBe(4); // the three syncs and the probe, newest first (at most 5)
    expect(recent.slice(1).map((j) => j.job_id)).toEqual([...jobs].reverse());
    expect((before.body.webhooks as Json).stale_repositories).toEqual([
      { full_name: 'acme/web', last_delivery_at: null },
      { full_name: 'acme/api', last_delivery_at: null },
    ]);

    // Two signed deliveries about acme/web, one of them then marked failed.
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const payload = payloadFor(system.sim, {
        event: 'issues',
        action: 'edited',
        number: n,
        payload: { issue: { updated_at: at(n) } },
      });
      const sent = await deliver(system.apiUrl, { event: 'issues', payload });
      expect(sent.status).toBe(202);
      await settled(system, sent.deliveryId);
      ids.push(sent.deliveryId);
    }
    await system.api.get(TokenBudgets).limiter.tryWrite(tokenKey(DEFAULT_SIM_TOKEN));
    let after = await member.get(`${base}/overview/`);
    expect(after.body.webhooks).toMatchObject({
      processed_24h: 2,
      failed_24h: 0,
      last_received_at: expect.any(String),
    });
    expect((after.body.webhooks as Json).stale_repositories).toEqual([
      { full_name: 'acme/api', last_delivery_at: null },
    ]);
    expect((after.body.write_budget as Json).used_last_minute).toBe(1);

    await system.db.query(`UPDATE github_webhook_events SET status = 'failed' WHERE delivery_id = $1`, [
      ids[0],
    ]);
    await system.db.query(
      `UPDATE github_webhook_events SET created_at = now() - interval '25 hours' WHERE delivery_id = $1`,
      [ids[1]],
    );
    after = await member.get(`${base}/overview/`);
    expect(after.body.webhooks).toMatchObject({ processed_24h: 0, failed_24h: 1 });
    expect((after.body.webhooks as Json).stale_repositories).toEqual([
      { full_name: 'acme/api', last_delivery_at: null },
    ]);
    await system.db.query(`UPDATE github_webhook_events SET created_at = now() - interval '25 hours'`);
    after = await member.get(`${base}/overview/`);
    const stale = (after.body.webhooks as Json).stale_repositories as Json[];
    expect(stale.map((r) => r.full_name)).toEqual(['acme/web', 'acme/api']);
    expect(stale[0]?.last_delivery_at).toEqual(expect.any(String));
  });
});
