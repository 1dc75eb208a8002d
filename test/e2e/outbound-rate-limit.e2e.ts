import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Rest, rest, setDirection, simIssue, syncNow, synced } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

/**
 * sync_issue and sync_repository decide a failure's outcome by one rule (libs/sync/src/github-failures.ts):
 * a GitHub rate limit without a reset time waits GITHUB_MCP_RATE_LIMIT_WAIT — sync_issue used to wait a
 * hard-coded 60 s instead.
 */
describe('a rate-limited GitHub write waits GITHUB_MCP_RATE_LIMIT_WAIT, then is written', () => {
  let system: TestSystem;
  let api: Rest;
  let issuesPath: string;
  let projectId: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 0, pullRequests: 0 }],
      env: { SYNC_ISSUE_DEBOUNCE_MS: '50', GITHUB_MCP_RATE_LIMIT_WAIT: '2' },
    });
    const seeded = await seedWorkspace(system, ['acme/web']);
    api = rest(system.apiUrl, seeded.adminToken);
    projectId = seeded.projectId;
    issuesPath = `/workspaces/acme/projects/${projectId}/issues`;
    await setDirection(system, 'bidirectional');
    expect((await syncNow(api)).status).toBe('completed');
  });

  afterAll(async () => {
    await system?.close();
  });

  it('an edit whose issue_write answers a rate limit without a reset reaches GitHub after ~2 s', async () => {
    const { body: list } = await api.get(`${issuesPath}/?per_page=1`);
    const issue = (list.results as { id: string; github: { number: number } }[])[0]!;
    // A reset already past: the server says "Wait before retrying." with no time to wait for.
    system.sim.faults.add({ tool: 'issue_write', mode: 'rate_limit', count: 1, resetInSeconds: 0 });
    const started = Date.now();
    const patched = await api.patch(`${issuesPath}/${issue.id}/`, { title: 'Written after the wait' });
    expect(patched.status).toBe(200);
    // A 60 s wait would time out here.
    await synced(api, projectId, issue.id, 20_000);
    const waited = Date.now() - started;
    expect(simIssue(system, issue.github.number).title).toBe('Written after the wait');
    expect(waited).toBeGreaterThanOrEqual(1900);
  }, 60_000);
});
