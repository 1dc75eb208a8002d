import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { type Rest, rest, syncNow } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

/**
 * Issue 17 item 3: an integration whose token lost access stops, marked with the reason — a 401 during a
 * sync marks the integration `error`; a repository that answers 404 disables that repository's sync.
 */
describe('a sync that finds GitHub access lost stops it, with the reason', () => {
  let system: TestSystem;
  let api: Rest;

  beforeAll(async () => {
    system = await startSystem({
      repos: [
        { owner: 'acme', name: 'web', issues: 8, comments: 0, pullRequests: 0 },
        { owner: 'acme', name: 'api', issues: 5, comments: 0, pullRequests: 0 },
      ],
      env: { QUEUE_JOB_ATTEMPTS: '1' },
    });
    const seeded = await seedWorkspace(system, ['acme/web', 'acme/api']);
    api = rest(system.apiUrl, seeded.adminToken);
    expect((await syncNow(api)).status).toBe('completed');
  });

  afterAll(async () => {
    await system?.close();
  });

  const syncs = async () =>
    (
      await system.db.query<{ name: string; enabled: boolean; reason: string | null }>(
        `SELECT r.name, rs.enabled, rs.disabled_reason AS reason FROM github_repository_syncs rs
         JOIN github_repositories r ON r.id = rs.repository_id ORDER BY r.name`,
      )
    ).rows;

  it('a repository that answers 404 (no longer visible to this identity) stops syncing there', async () => {
    const web = system.sim.store.requireRepo('acme', 'web');
    web.repo.private = true;
    web.repo.collaborators = web.repo.collaborators.filter((c) => c.toLowerCase() !== 'octocat');
    const started = await api.post('/workspaces/acme/integrations/github-mcp/sync/', {
      repository: 'acme/web',
    });
    expect([200, 202]).toContain(started.status);
    const job = await syncNowFor(String(started.body.job_id));
    expect(job.status).toBe('failed');
    expect(await syncs()).toEqual([
      { name: 'api', enabled: true, reason: null },
      { name: 'web', enabled: false, reason: expect.stringMatching(/404 for acme\/web/) },
    ]);
    const { body } = await api.get('/workspaces/acme/integrations/github-mcp/status/');
    expect(body.integration).toMatchObject({ status: 'connected' });
  });

  it('a token GitHub rejects (401) marks the integration error with the reason; nothing else syncs', async () => {
    expect(system.sim.store.revokeToken(DEFAULT_SIM_TOKEN)).toBe(true);
    const started = await api.post('/workspaces/acme/integrations/github-mcp/sync/', {
      repository: 'acme/api',
    });
    const job = await syncNowFor(String(started.body.job_id));
    expect(job.status).toBe('failed');
    const { body } = await api.get('/workspaces/acme/integrations/github-mcp/status/');
    expect(body.integration).toMatchObject({
      status: 'error',
      status_message: expect.stringMatching(/rejected the token \(401\) while syncing acme\/api/),
    });
    const again = await api.post('/workspaces/acme/integrations/github-mcp/sync/', {});
    expect(again.status).toBeGreaterThanOrEqual(400);
  });

  async function syncNowFor(jobId: string) {
    const { waitFor } = await import('./support/system.js');
    return waitFor(`job ${jobId}`, async () => {
      const { body } = await api.get(`/workspaces/acme/integrations/github-mcp/sync-jobs/${jobId}/`);
      return ['completed', 'failed'].includes(String(body.status)) ? body : undefined;
    });
  }
});
