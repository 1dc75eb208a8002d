import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '#libs/queue';
import { type EntryProcess, startEntry, stopAllEntries } from '../support/process.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;

/** Real worker processes (dist/apps/worker), killed and scaled for real. */
describe('worker processes', () => {
  let system: TestSystem | undefined;

  afterEach(async () => {
    await stopAllEntries();
    await system?.close();
    system = undefined;
  });
  afterAll(stopAllEntries);

  /** Short BullMQ lock/stall settings so a killed worker's job is taken over within seconds. */
  function startWorkerProcess(sys: TestSystem, fastTakeover = false): EntryProcess {
    const takeover = fastTakeover
      ? { QUEUE_LOCK_DURATION_MS: '4000', QUEUE_STALLED_INTERVAL_MS: '2000' }
      : {};
    return startEntry('apps/worker/src/main', {
      env: { ...sys.env, LOG_LEVEL: 'error', WORKER_CONCURRENCY: '2', ...takeover },
    });
  }

  async function jobRow(sys: TestSystem, jobId: string) {
    const { rows } = await sys.db.query('SELECT * FROM github_sync_jobs WHERE job_id = $1', [jobId]);
    return rows[0] as Json & { status: string; items_synced: number; metadata: Json; checkpoint: Json };
  }

  it('resumes from the checkpoint after kill -9 of the worker, with no duplicates and no gaps', async () => {
    const repo = { owner: 'acme', name: 'crash', issues: 1500, comments: 3000, pullRequests: 0 };
    const sys = (system = await startSystem({ repos: [repo], worker: false }));
    const seeded = await seedWorkspace(sys, ['acme/crash']);
    sys.sim.faults.add({ tool: 'issue_read', mode: 'latency', latencyMs: 15 });
    const first = startWorkerProcess(sys, true);
    const started = await http(sys.apiUrl, seeded.adminToken).post(
      `/workspaces/${seeded.slug}/integrations/github-mcp/sync/`,
      {},
    );
    const jobId = String(started.body.job_id);
    await waitFor('some pages written', async () => {
      const row = await jobRow(sys, jobId);
      return row.items_synced >= 300 ? row : undefined;
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = await jobRow(sys, jobId);
    expect(atKill.status).toBe('running');
    expect(atKill.items_synced).toBeLessThan(repo.issues);

    sys.sim.faults.clear();
    startWorkerProcess(sys, true);
    const done = await waitFor(
      'job completed by the second worker',
      async () => {
        const row = await jobRow(sys, jobId);
        return row.status === 'completed' || row.status === 'failed' ? row : undefined;
      },
      120_000,
    );
    expect(done.status).toBe('completed');
    // Every issue counted exactly once across both workers: resumed at the checkpoint, nothing redone.
    expect(done.items_synced).toBe(repo.issues);
    expect((done.checkpoint as { fromStart: boolean }).fromStart).toBe(false);
    expect((done.metadata.runs as unknown[]).length).toBe(2);
    const { rows } = await sys.db.query(
      `SELECT count(*)::int AS issues, count(DISTINCT s.github_number)::int AS numbers,
              (SELECT count(*)::int FROM issue_comments) AS comments
       FROM issues i JOIN github_issue_syncs s ON s.issue_id = i.id`,
    );
    expect(rows[0]).toEqual({ issues: repo.issues, numbers: repo.issues, comments: repo.comments });
  }, 180_000);

  it('three workers share many repositories: none synced twice at once, nothing processed twice', async () => {
    const repos = Array.from({ length: 9 }, (_, i) => ({
      owner: 'fleet',
      name: `repo-${i}`,
      issues: 120,
      comments: 150,
      pullRequests: 0,
    }));
    const sys = (system = await startSystem({ repos, worker: false }));
    const seeded = await seedWorkspace(
      sys,
      repos.map((r) => `${r.owner}/${r.name}`),
    );
    const workers = [startWorkerProcess(sys), startWorkerProcess(sys), startWorkerProcess(sys)];
    const started = await http(sys.apiUrl, seeded.adminToken).post(
      `/workspaces/${seeded.slug}/integrations/github-mcp/sync/`,
      {},
    );
    const jobs = started.body.jobs as { job_id: string }[];
    expect(jobs).toHaveLength(repos.length);
    // A duplicate delivery of every job (as after a double enqueue) must not run a repository twice.
    const queue = new Queue(QueueName.Sync, {
      connection: { url: sys.config.redisUrl },
      prefix: sys.config.queue.prefix,
    });
    for (const job of jobs) {
      await queue.add(
        JobName.SyncRepository,
        { syncJobId: job.job_id },
        { jobId: `${job.job_id}-duplicate` },
      );
    }
    await queue.close();

    const rows = await waitFor(
      'all jobs finished',
      async () => {
        const { rows } = await sys.db.query(
          `SELECT j.job_id, j.status, j.items_synced, j.started_at, j.completed_at, j.metadata, j.repository_sync_id
           FROM github_sync_jobs j`,
        );
        return rows.every((r) => r.status === 'completed' || r.status === 'failed') ? rows : undefined;
      },
      150_000,
    );
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'completed'));
    for (const row of rows) {
      expect(row.items_synced).toBe(120);
      expect((row.metadata.runs as unknown[]).length).toBe(1);
    }
    const usedWorkers = new Set(rows.map((r) => String(r.metadata.worker)));
    expect(usedWorkers.size).toBeGreaterThan(1);
    const { rows: perRepo } = await sys.db.query(
      `SELECT s.repository_sync_id, count(*)::int AS n FROM github_issue_syncs s GROUP BY 1`,
    );
    expect(perRepo.map((r) => r.n)).toEqual(perRepo.map(() => 120));
    await Promise.all(workers.map((w) => w.stop()));
  }, 240_000);
});
