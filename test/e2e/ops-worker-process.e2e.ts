import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEntry, stopAllEntries } from '../support/process.js';
import { childEnv, statusOf } from './support/ops-process.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;
const ISSUES = 600;
const REPO = { owner: 'acme', name: 'web', issues: ISSUES, comments: 300, pullRequests: 0 };
const SYNC = '/workspaces/acme/integrations/github-mcp';

/**
 * The built worker entry as its own process, stopped with SIGTERM while a sync job runs (the simulator
 * slows list_issues down so the job is still in flight). Nothing is lost and nothing is duplicated.
 */
describe('worker process: graceful shutdown', () => {
  let system: TestSystem;
  let api: ReturnType<typeof http>;

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO], worker: false });
    const seeded = await seedWorkspace(system, ['acme/web']);
    api = http(system.apiUrl, seeded.adminToken);
  });

  afterAll(async () => {
    await stopAllEntries();
    await system?.close();
  });

  async function job(id: string): Promise<Json> {
    return (await api.get(`${SYNC}/sync-jobs/${id}/`)).body;
  }

  /** Starts a full sync and resolves once it has written its first page. */
  async function syncInFlight(): Promise<string> {
    const { status, body } = await api.post(`${SYNC}/sync/`, { force: true });
    expect([200, 202]).toContain(status); // 200: connecting the repository already queued its first sync
    const id = String(body.job_id);
    await waitFor(
      'the first page',
      async () => {
        const row = await job(id);
        return row.status === 'running' && Number(row.items_synced) > 0 ? row : undefined;
      },
      20_000,
    );
    return id;
  }

  async function localIssues(): Promise<{ total: number; distinct: number }> {
    const { rows } = await system.db.query<{ total: string; distinct: string }>(
      `SELECT (SELECT count(*) FROM issues) AS total,
              (SELECT count(DISTINCT github_number) FROM github_issue_syncs) AS distinct`,
    );
    return { total: Number(rows[0]?.total), distinct: Number(rows[0]?.distinct) };
  }

  function worker(timeoutSeconds: string) {
    return startEntry('apps/worker/src/main', {
      env: childEnv(system, { SHUTDOWN_TIMEOUT: timeoutSeconds, GITHUB_MCP_MAX_SYNC_BATCH_SIZE: '50' }),
    });
  }

  it('finishes the job in flight before exiting, health answering 503 meanwhile', async () => {
    const slow = system.sim.faults.add({ tool: 'list_issues', mode: 'latency', latencyMs: 300 });
    const proc = worker('120');
    const output = await proc.waitForOutput(/health and metrics on (http:\/\/[^"\s]+)/);
    const port = /health and metrics on (http:\/\/[^"\s]+)/.exec(output)?.[1] ?? '';
    expect(await statusOf(`${port}/health`)).toBe(200);
    const id = await syncInFlight();

    proc.child.kill('SIGTERM');
    expect(
      await waitFor('health 503', async () => ((await statusOf(`${port}/health`)) === 503 ? 503 : undefined)),
    ).toBe(503);
    expect(await proc.exited).toBe(0);
    system.sim.faults.remove(slow);

    expect(await job(id)).toMatchObject({ status: 'completed', items_synced: ISSUES });
    expect(proc.output()).toContain('every job in flight finished');
    expect(await localIssues()).toEqual({ total: ISSUES, distinct: ISSUES });
  });

  it('hands a job still running at SHUTDOWN_TIMEOUT back to the queue; another worker completes it', async () => {
    const slow = system.sim.faults.add({ tool: 'list_issues', mode: 'latency', latencyMs: 500 });
    const proc = worker('0.5');
    await proc.waitForOutput('health and metrics on');
    const id = await syncInFlight();

    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain(`handed back sync_repository ${id}`);
    const after = await job(id);
    expect(after.status).toBe('running'); // not failed: no attempt was used up
    system.sim.faults.remove(slow);

    // The dead execution's repository lock expires within its TTL (60 s); until then the job waits.
    await system.startWorker();
    const done = await waitFor(
      'the resumed job',
      async () => {
        const row = await job(id);
        return row.status === 'completed' ? row : undefined;
      },
      150_000,
    );
    expect(done.error_message).toBeNull();
    expect(await localIssues()).toEqual({ total: ISSUES, distinct: ISSUES });
  }, 240_000);
});
