import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { startApi } from '../../apps/api/src/bootstrap.js';
import type { AppConfig } from '#libs/config';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

type Json = Record<string, unknown>;

/**
 * The queue dashboard shows (and, writable, retries and removes) the jobs of every workspace: it is shut
 * unless QUEUE_DASHBOARD_WORKSPACES names the operator's workspaces, and read-only unless
 * QUEUE_DASHBOARD_READ_ONLY=false.
 */
describe('queue dashboard: closed by default, named workspaces only, read-only by default', () => {
  let system: TestSystem;
  let acme: Awaited<ReturnType<typeof seedWorkspace>>;
  let globex: Awaited<ReturnType<typeof seedWorkspace>>;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false });
    acme = await seedWorkspace(system, []);
    globex = await seedWorkspace(system, [], 'globex');
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await system?.close();
  });

  /** Another API process on the same database and Redis with a changed dashboard setting. */
  async function api(change: Partial<AppConfig>): Promise<string> {
    const started = await startApi({ ...system.config, ...change }, 0);
    apps.push(started.app);
    return `${new URL(started.url).origin}/api/admin/queues`;
  }

  async function call(url: string, token: string, method = 'GET') {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });
    const text = await res.text();
    return { status: res.status, json: (text.startsWith('{') ? JSON.parse(text) : {}) as Json };
  }

  it('is the documented default: no workspace listed, read-only', () => {
    expect(system.config.queueDashboardWorkspaces).toEqual([]);
    expect(system.config.queueDashboardReadOnly).toBe(true);
  });

  it('lets nobody in when QUEUE_DASHBOARD_WORKSPACES is empty, not even a workspace admin', async () => {
    const dashboard = `${new URL(system.apiUrl).origin}/api/admin/queues`;
    for (const token of [acme.adminToken, globex.adminToken]) {
      const denied = await call(`${dashboard}/api/queues`, token);
      expect(denied).toMatchObject({
        status: 403,
        json: {
          error: { code: 'forbidden', message: expect.stringContaining('QUEUE_DASHBOARD_WORKSPACES') },
        },
      });
      const login = await fetch(`${dashboard}/?token=${token}`, { redirect: 'manual' });
      expect(login.status).toBe(403);
      expect(login.headers.get('set-cookie')).toBeNull();
    }
  });

  it('admits only the admins of the listed workspaces', async () => {
    const dashboard = await api({ queueDashboardWorkspaces: ['acme'] });
    expect((await call(`${dashboard}/api/queues`, acme.adminToken)).status).toBe(200);
    expect((await call(`${dashboard}/api/queues`, acme.memberToken)).status).toBe(403);
    expect(await call(`${dashboard}/api/queues`, globex.adminToken)).toMatchObject({
      status: 403,
      json: { error: { message: 'this workspace may not open the queue dashboard' } },
    });
  });

  it('is read-only by default: queues are listed, retry / clean / pause are refused', async () => {
    const dashboard = await api({ queueDashboardWorkspaces: ['acme'] });
    const queues = await call(`${dashboard}/api/queues`, acme.adminToken);
    const listed = queues.json.queues as { name: string; readOnlyMode: boolean }[];
    expect(listed.map((q) => q.name).sort()).toEqual(['github-sync', 'github-webhooks', 'maintenance']);
    expect(listed.every((q) => q.readOnlyMode)).toBe(true);
    for (const action of ['retry/failed', 'clean/failed', 'pause']) {
      const res = await call(`${dashboard}/api/queues/github-sync/${action}`, acme.adminToken, 'PUT');
      expect({ action, status: res.status }).toEqual({ action, status: 405 });
    }
  });

  it('allows retries with QUEUE_DASHBOARD_READ_ONLY=false', async () => {
    const dashboard = await api({ queueDashboardWorkspaces: ['acme'], queueDashboardReadOnly: false });
    const queues = await call(`${dashboard}/api/queues`, acme.adminToken);
    expect((queues.json.queues as { readOnlyMode: boolean }[]).some((q) => q.readOnlyMode)).toBe(false);
    const retried = await call(`${dashboard}/api/queues/github-sync/retry/failed`, acme.adminToken, 'PUT');
    expect(retried.status).toBe(200);
  });
});
