import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { workerUrl } from '../../apps/worker/src/bootstrap.js';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { WEBHOOK_ENV, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;
const REPO = { owner: 'acme', name: 'web', issues: 120, comments: 200, pullRequests: 0 };

async function text(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** `name{labels} value` lines of a Prometheus exposition, as a sum per matching sample. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  let found = false;
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
    found = true;
  }
  return found ? total : Number.NaN;
}

describe('operability: health, metrics, request ids, OpenAPI, queue dashboard', () => {
  let system: TestSystem;
  let worker: INestApplication;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let origin: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [REPO],
      worker: false,
      env: { ...WEBHOOK_ENV, QUEUE_DASHBOARD_WORKSPACES: 'acme' },
    });
    worker = (await system.startWorker()) as INestApplication;
    seeded = await seedWorkspace(system, ['acme/web']);
    origin = new URL(system.apiUrl).origin;
  });

  afterAll(async () => {
    await system?.close();
  });

  it('answers readiness with database, Redis and live workers per queue, and liveness', async () => {
    const ready = await http(system.apiUrl).get('/health/');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      uptime_seconds: expect.any(Number),
      checks: {
        database: { status: 'up', latency_ms: expect.any(Number) },
        redis: { status: 'up', latency_ms: expect.any(Number) },
        queues: { status: 'up' },
      },
    });
    const queues = (ready.body.checks as Json).queues as { queues: Record<string, Json> };
    expect(Object.keys(queues.queues).sort()).toEqual(['github-sync', 'github-webhooks', 'maintenance']);
    for (const queue of Object.values(queues.queues)) expect(queue.workers).toBeGreaterThan(0);

    const live = await http(system.apiUrl).get('/health/live');
    expect(live).toMatchObject({ status: 200, body: { status: 'ok', checks: {} } });

    const own = await http(workerUrl(worker)).get('/health');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      status: 'ok',
      checks: { database: { status: 'up' }, redis: { status: 'up' }, workers: { status: 'up' } },
    });
  });

  it('records sync, webhook, MCP and queue metrics', async () => {
    const api = http(system.apiUrl, seeded.adminToken);
    const { body } = await api.post('/workspaces/acme/integrations/github-mcp/sync/', { force: true });
    await waitFor('the sync', async () => {
      const job = await api.get(`/workspaces/acme/integrations/github-mcp/sync-jobs/${String(body.job_id)}/`);
      return job.body.status === 'completed' ? job : undefined;
    });
    const delivery = await deliver(system.apiUrl, { event: 'ping' });
    expect(delivery.status).toBe(202);
    await settled(system, delivery.deliveryId);

    const fromWorker = await text(`${workerUrl(worker)}/metrics`);
    expect(fromWorker.status).toBe(200);
    expect(fromWorker.headers.get('content-type')).toContain('text/plain');
    const m = fromWorker.body;
    await waitFor('the webhook metric', async () => {
      const again = (await text(`${workerUrl(worker)}/metrics`)).body;
      return sample(again, 'github_mcp_webhook_total', { event_type: 'ping' }) >= 1 ? again : undefined;
    });
    expect(sample(m, 'github_mcp_sync_total', { status: 'completed', direction: 'from_github' })).toBe(1);
    expect(sample(m, 'github_mcp_sync_duration_seconds_count', { direction: 'from_github' })).toBe(1);
    expect(
      sample(m, 'github_mcp_call_duration_seconds_count', { tool: 'list_issues', outcome: 'ok' }),
    ).toBeGreaterThan(0);
    expect(sample(m, 'github_mcp_jobs_total', { name: 'sync_repository', status: 'completed' })).toBe(1);
    expect(m).toContain('# TYPE github_mcp_connection_errors_total counter');
    expect(m).toContain('# TYPE github_mcp_webhook_processing_duration_seconds histogram');
    expect(sample(m, 'github_mcp_queue_workers', { queue: 'github-sync' })).toBeGreaterThan(0);
    expect(sample(m, 'github_mcp_queue_jobs', { queue: 'github-sync', state: 'completed' })).toBeGreaterThan(
      0,
    );

    const fromApi = await text(`${origin}/metrics`);
    expect(fromApi.status).toBe(200);
    expect(
      sample(fromApi.body, 'github_mcp_webhook_deliveries_total', { event_type: 'ping', status_code: '202' }),
    ).toBe(1);
    expect(
      sample(fromApi.body, 'github_mcp_http_requests_total', {
        method: 'POST',
        route: '/api/workspaces/:slug/integrations/github-mcp/sync',
        status_code: '202',
      }),
    ).toBe(1);
    expect((await text(`${system.apiUrl}/metrics`)).status).toBe(404); // outside the prefix only
  });

  it('counts retried and failed syncs under their direction (read from the job row) and MCP errors by kind', async () => {
    const fault = system.sim.faults.add({ tool: 'list_issues', mode: 'error' }); // a GitHub 5xx
    const api = http(system.apiUrl, seeded.adminToken);
    const { body } = await api.post('/workspaces/acme/integrations/github-mcp/sync/', { force: true });
    await waitFor('the failure', async () => {
      const job = await api.get(`/workspaces/acme/integrations/github-mcp/sync-jobs/${String(body.job_id)}/`);
      return job.body.status === 'failed' ? job : undefined;
    });
    system.sim.faults.remove(fault);
    const m = await waitFor('the failed sync metric', async () => {
      const text_ = (await text(`${workerUrl(worker)}/metrics`)).body;
      return sample(text_, 'github_mcp_sync_total', { status: 'failed' }) >= 1 ? text_ : undefined;
    });
    expect(sample(m, 'github_mcp_sync_total', { status: 'failed', direction: 'from_github' })).toBe(1);
    expect(sample(m, 'github_mcp_sync_total', { status: 'retrying', direction: 'from_github' })).toBe(2);
    expect(
      sample(m, 'github_mcp_connection_errors_total', { kind: 'transient', tool: 'list_issues' }),
    ).toBeGreaterThan(0);
  });

  it('propagates X-Request-Id and makes one up when absent', async () => {
    const given = await fetch(`${system.apiUrl}/health/live`, { headers: { 'x-request-id': 'req-abc.123' } });
    expect(given.headers.get('x-request-id')).toBe('req-abc.123');
    const fresh = await fetch(`${system.apiUrl}/health/live`, {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document generated from the controllers', async () => {
    const ui = await text(`${system.apiUrl}/docs`);
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger-ui');
    const doc = (await (await fetch(`${system.apiUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Json }>>;
      servers: { url: string }[];
    };
    const sync = doc.paths['/api/workspaces/{slug}/integrations/github-mcp/sync']?.post;
    expect(sync?.security).toEqual([{ 'api-token': [] }, { 'console-session': [] }]);
    expect(Object.keys(sync?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403', '404']));
    expect(doc.paths['/api/health']?.get?.security).toEqual([]);
    const signIn = doc.paths['/api/console/session']?.post?.responses['201'] as Json;
    expect(JSON.stringify(signIn)).toContain('csrf_token');
    expect(JSON.stringify(doc.paths['/api/workspaces/{slug}/me']?.get?.responses['200'])).toContain(
      'integration_enabled',
    );
    expect((await fetch(`${system.apiUrl}/docs-json`)).status).toBe(200);
    expect(doc.paths['/api/health/live']).toBeDefined();
    const webhook = doc.paths['/api/webhooks/github-mcp']?.post;
    expect(webhook?.security).toEqual([]);
    expect(Object.keys(webhook?.responses ?? {}).sort()).toEqual(
      ['200', '202', '400', '401', '413', '415', '503'].sort(),
    );
    expect(doc.servers).toEqual([{ url: origin }]);
    const forged = (await (
      await fetch(`${system.apiUrl}/docs/openapi.json`, {
        headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-prefix': '/x' },
      })
    ).json()) as { servers: { url: string }[] };
    expect(forged.servers).toEqual([{ url: origin }]); // TRUST_PROXY=false: forwarded headers ignored
  });

  it('puts bull-board behind a workspace admin token, exchanged for a cookie in the browser', async () => {
    const dashboard = `${origin}/api/admin/queues`;
    expect((await text(dashboard)).status).toBe(401);
    expect((await text(`${dashboard}/?token=${seeded.memberToken}`)).status).toBe(403);
    expect((await text(`${dashboard}/?token=gms_not-a-token`)).status).toBe(401);

    const login = await text(`${dashboard}/?token=${seeded.adminToken}`);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/api/admin/queues/');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^gms_queues=[^;]+; Path=\/api\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Lax$/,
    );
    expect(cookie).not.toContain(seeded.adminToken);

    const session = { cookie: cookie.split(';')[0] as string };
    const page = await text(`${dashboard}/`, session);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<base href="/api/admin/queues/"');
    const queues = await text(`${dashboard}/api/queues`, session);
    expect(queues.status).toBe(200);
    expect(queues.body).toContain('github-sync');
    const bearer = await text(`${dashboard}/api/queues`, { authorization: `Bearer ${seeded.adminToken}` });
    expect(bearer.status).toBe(200);
    expect((await text(`${dashboard}/api/queues`, { cookie: 'gms_queues=forged.1.x' })).status).toBe(401);
  });

  it('turns readiness 503 when a queue has no live worker, and back when one starts', async () => {
    await worker.close();
    const down = await waitFor('readiness 503', async () => {
      const res = await http(system.apiUrl).get('/health/');
      return res.status === 503 ? res : undefined;
    });
    expect(down.body).toMatchObject({
      status: 'error',
      checks: {
        database: { status: 'up' },
        queues: { status: 'down', error: expect.stringContaining('github-sync') },
      },
    });
    worker = (await system.startWorker()) as INestApplication;
    expect((await http(system.apiUrl).get('/health/')).status).toBe(200);
  });
});
