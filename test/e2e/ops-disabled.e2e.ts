import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { workerUrl } from '../../apps/worker/src/bootstrap.js';
import { QueueInspector } from '#libs/metrics';
import { JobName, JobQueue } from '#libs/queue';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { WEBHOOK_ENV, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, http, seedWorkspace, startSystem } from './support/system.js';

type Json = Record<string, unknown>;
const DISABLED = { error: { code: 'integration_disabled', message: expect.any(String) } };

describe('ENABLE_GITHUB_MCP_INTEGRATION=false', () => {
  let system: TestSystem;
  let worker: INestApplication;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 3 }],
      worker: false,
      env: { ...WEBHOOK_ENV, ENABLE_GITHUB_MCP_INTEGRATION: 'false' },
    });
    worker = (await system.startWorker()) as INestApplication;
    seeded = await seedWorkspace(system, ['acme/web']);
  });

  afterAll(async () => {
    await system?.close();
  });

  it('answers the integration routes 503 integration_disabled, before authentication', async () => {
    const api = http(system.apiUrl, seeded.adminToken);
    const base = '/workspaces/acme/integrations/github-mcp';
    expect(await api.post(`${base}/sync/`, {})).toEqual({ status: 503, body: DISABLED });
    expect(await api.get(`${base}/status/`)).toEqual({ status: 503, body: DISABLED });
    expect(await http(system.apiUrl).get(`${base}/status/`)).toEqual({ status: 503, body: DISABLED });
    expect(await http(system.apiUrl).get('/auth/github/callback?code=x&state=y')).toEqual({
      status: 503,
      body: DISABLED,
    });
  });

  it('matches the integration routes case-insensitively, as routing does', async () => {
    const api = http(system.apiUrl, seeded.adminToken);
    for (const path of [
      '/workspaces/acme/Integrations/GitHub-MCP/status/',
      '/WORKSPACES/acme/INTEGRATIONS/github-mcp/sync/',
      '/Auth/GitHub/callback?code=x&state=y',
    ]) {
      expect({ path, answer: await api.get(path) }).toEqual({
        path,
        answer: { status: 503, body: DISABLED },
      });
    }
    expect(await api.get('/workspaces/acme/integrations/github-mcp/status/')).toEqual({
      status: 503,
      body: DISABLED,
    });
  });

  it('keeps the workspace issues API, health and metrics up', async () => {
    const issues = await http(system.apiUrl, seeded.adminToken).get(
      `/workspaces/acme/projects/${seeded.projectId}/issues/`,
    );
    expect(issues.status).toBe(200);
    const health = await http(system.apiUrl).get('/health/');
    expect(health.status).toBe(200);
    const queues = ((health.body.checks as Json).queues as { queues: Record<string, Json> }).queues;
    expect(queues['github-sync']).toMatchObject({ workers: 0, workers_required: false });
    expect(queues.maintenance).toMatchObject({ workers_required: true });
    expect((await fetch(`${new URL(system.apiUrl).origin}/metrics`)).status).toBe(200);
  });

  it('runs no sync processor and no periodic-sync schedule; queued sync jobs wait', async () => {
    const own = await http(workerUrl(worker)).get('/health');
    expect(own.status).toBe(200);
    const running = Object.keys(((own.body.checks as Json).workers as { queues: Json }).queues);
    expect(running.sort()).toEqual(['github-webhooks', 'maintenance']);

    const queues = system.api.get(QueueInspector).queues();
    const sync = queues.find((q) => q.name === 'github-sync')?.queue;
    const maintenance = queues.find((q) => q.name === 'maintenance')?.queue;
    // A sync job queued before the integration was turned off stays queued until it is turned on again.
    await system.api
      .get(JobQueue)
      .enqueue(JobName.SyncRepository, { syncJobId: 'queued-earlier' }, 'queued-earlier');
    expect(await sync?.getWorkersCount()).toBe(0);
    expect(await sync?.getJobState('queued-earlier')).toBe('waiting');
    const schedulers = (await maintenance?.getJobSchedulers()) ?? [];
    expect(schedulers.map((s) => s.name)).toContain('cleanup_old_jobs');
    expect(schedulers.map((s) => s.name)).not.toContain('periodic_sync_all');
  });

  it('still accepts webhooks, so no delivery is lost', async () => {
    const delivery = await deliver(system.apiUrl, { event: 'ping' });
    expect(delivery.status).toBe(202);
    expect(await settled(system, delivery.deliveryId)).toMatchObject({ event_type: 'ping' });
  });
});
