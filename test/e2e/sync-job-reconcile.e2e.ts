import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { JobQueue, JobName, QueueName } from '#libs/queue';
import { SyncJobRepository } from '#libs/db';
import { LOST_JOB_MESSAGE, RECONCILE_GRACE_MS, SyncJobReconciler } from '#libs/sync';
import { deleteKeysOfPrefix } from '../../scripts/lib/redis-keys.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Row = { status: string; error_message: string | null; metadata: Record<string, unknown> };
const REPO = { owner: 'acme', name: 'stuck', issues: 30, comments: 30, pullRequests: 0 };
const CHECKPOINT = {
  after: null,
  since: null,
  maxUpdatedAt: null,
  pages: 0,
  phase: 'listing',
  fetched: 0,
  written: 0,
  skipped: 0,
  failed: 0,
  fromStart: true,
};

/**
 * Sync job rows left queued/running after BullMQ lost or failed the job unrecorded (issue 17, item 7).
 * The first scenarios run without a worker (the test plays BullMQ's side), the last ones with one.
 */
describe('sync job reconciler', () => {
  let system: TestSystem;
  let api: ReturnType<typeof http>;
  let base: string;
  let queue: Queue;
  let reconciler: SyncJobReconciler;
  const later = () => new Date(Date.now() + RECONCILE_GRACE_MS + 1000);

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO], worker: false });
    const seeded = await seedWorkspace(system, ['acme/stuck']);
    api = http(system.apiUrl, seeded.adminToken);
    base = `/workspaces/${seeded.slug}/integrations/github-mcp`;
    const connection = { url: system.config.redisUrl };
    queue = new Queue(QueueName.Sync, { connection, prefix: system.config.queue.prefix });
    const get = <T>(type: new (...args: never[]) => T): T => system.api.get(type, { strict: false });
    reconciler = new SyncJobReconciler(get(SyncJobRepository), get(JobQueue));
  });

  afterAll(async () => {
    await queue?.close();
    await system?.close();
  });

  async function requestSync(expected: number): Promise<string> {
    const res = await api.post(`${base}/sync/`, {});
    expect(res.status).toBe(expected);
    return String(res.body.job_id);
  }

  async function requestAnySync(): Promise<string> {
    const res = await api.post(`${base}/sync/`, {});
    expect([200, 202]).toContain(res.status);
    return String(res.body.job_id);
  }

  async function row(jobId: string): Promise<Row> {
    const { rows } = await system.db.query('SELECT * FROM github_sync_jobs WHERE job_id = $1', [jobId]);
    return rows[0] as Row;
  }

  /** What a worker's markRunning leaves behind (with a checkpoint to resume from). */
  async function markRunning(jobId: string): Promise<void> {
    await system.db.query(
      `UPDATE github_sync_jobs SET status = 'running', started_at = now(), checkpoint = $2 WHERE job_id = $1`,
      [jobId, JSON.stringify(CHECKPOINT)],
    );
  }

  function manualWorker(options: { lockDuration?: number; maxStalledCount?: number } = {}) {
    return new Worker(QueueName.Sync, null, {
      connection: { url: system.config.redisUrl },
      prefix: system.config.queue.prefix,
      autorun: false,
      stalledInterval: 300,
      ...options,
    });
  }

  let current = '';

  it('a job removed from the queue: the stuck row blocks syncs until reconciled, then a new job starts', async () => {
    current = await requestSync(202);
    await markRunning(current);
    expect(await queue.remove(current)).toBe(1);
    // The symptom: the repository cannot be synced, every request answers with the dead job.
    expect(await requestSync(200)).toBe(current);

    expect(await reconciler.reconcile(new Date())).toEqual({ checked: 0, failed: 0 }); // too young
    expect(await reconciler.reconcile(later())).toEqual({ checked: 1, failed: 1 });
    expect(await row(current)).toMatchObject({ status: 'failed', error_message: LOST_JOB_MESSAGE });

    const next = await requestSync(202);
    expect(next).not.toBe(current);
    expect((await row(next)).metadata).toMatchObject({ resumed_from: current });
    current = next;
  });

  it("the queue's Redis data is flushed (no persistence): the row is failed as lost", async () => {
    await markRunning(current);
    await deleteKeysOfPrefix(system.config.redisUrl, system.config.queue.prefix);
    expect(await reconciler.reconcile(later())).toEqual({ checked: 1, failed: 1 });
    expect(await row(current)).toMatchObject({ status: 'failed', error_message: LOST_JOB_MESSAGE });
    const next = await requestSync(202);
    expect(next).not.toBe(current);
    current = next;
  });

  it('a job failed in BullMQ while its handler could not write the row: failed with the reason', async () => {
    const worker = manualWorker();
    try {
      const job = await worker.getNextJob('test-token');
      expect(job?.id).toBe(current);
      await markRunning(current);
      // The handler's error could not be recorded (Postgres unreachable): BullMQ alone knows.
      await job?.moveToFailed(new UnrecoverableError("Can't reach database server"), 'test-token', false);
    } finally {
      await worker.close();
    }
    expect(await requestSync(200)).toBe(current);
    expect(await reconciler.reconcile(later())).toEqual({ checked: 1, failed: 1 });
    expect(await row(current)).toMatchObject({
      status: 'failed',
      error_message: "the job failed in the queue: Can't reach database server",
    });
    current = await requestSync(202);
  });

  it('a job stalled too many times is failed by BullMQ: the worker marks its row failed at once', async () => {
    const stalling = manualWorker({ lockDuration: 500, maxStalledCount: 0 });
    try {
      expect((await stalling.getNextJob('dead-worker'))?.id).toBe(current);
      await markRunning(current);
      void stalling.startStalledCheckTimer(); // the lock is never renewed: the job stalls
      await waitFor('the job back in wait, marked to fail', async () => {
        const job = await queue.getJob(current);
        return job && (await job.getState()) === 'waiting' && job.deferredFailure ? job : undefined;
      });
    } finally {
      await stalling.close();
    }
    await system.startWorker(); // takes the job, which BullMQ fails unprocessed ('failed' event)
    const failed = await waitFor('row failed', async () => {
      const r = await row(current);
      return r.status === 'failed' ? r : undefined;
    });
    expect(failed.error_message).toBe('the job failed in the queue: job stalled more than allowable limit');

    const next = await requestAnySync(); // a periodic tick of the new worker may have started it
    expect(next).not.toBe(current);
    const done = await waitFor('next job done', async () => {
      const r = await row(next);
      return ['completed', 'failed'].includes(r.status) ? r : undefined;
    });
    expect(done.status).toBe('completed');
    expect(done.metadata).toMatchObject({ resumed_from: current });
  });

  it('Postgres refuses the handler on every attempt: BullMQ fails the job, the row follows', async () => {
    await system.db.query(`
      CREATE FUNCTION refuse_running() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'running' THEN RAISE EXCEPTION 'simulated database outage'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER refuse_running BEFORE UPDATE ON github_sync_jobs
        FOR EACH ROW EXECUTE FUNCTION refuse_running();`);
    try {
      const jobId = await requestSync(202);
      const failed = await waitFor('row failed', async () => {
        const r = await row(jobId);
        return r.status === 'failed' ? r : undefined;
      });
      expect(failed.error_message).toMatch(/^the job failed in the queue: .*simulated database outage/s);
      const job = await queue.getJob(jobId);
      expect(job?.attemptsMade).toBe(system.config.queue.attempts);
    } finally {
      await system.db.query(
        'DROP TRIGGER refuse_running ON github_sync_jobs; DROP FUNCTION refuse_running()',
      );
    }
    const next = await requestAnySync(); // a periodic tick of the new worker may have started it
    expect(next).not.toBe(current);
    const done = await waitFor('next job done', async () => {
      const r = await row(next);
      return ['completed', 'failed'].includes(r.status) ? r : undefined;
    });
    expect(done.status).toBe('completed');
  });

  it('runs as a repeatable job of the maintenance queue', async () => {
    const maintenance = new Queue(QueueName.Maintenance, {
      connection: { url: system.config.redisUrl },
      prefix: system.config.queue.prefix,
    });
    try {
      const schedulers = await maintenance.getJobSchedulers();
      expect(schedulers.map((s) => s.name)).toContain(JobName.ReconcileSyncJobs);
    } finally {
      await maintenance.close();
    }
  });
});
