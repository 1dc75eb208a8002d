import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { loadConfig } from '#libs/config';
import { ExclusiveLocks, type JobContext } from '#libs/queue';
import { SyncRepositoryHandler } from '#libs/sync';
import { startWorker } from '../../apps/worker/src/bootstrap.js';
import { type TestSystem, http, seedWorkspace, startSystem } from './support/system.js';

/**
 * Two deliveries of one sync job (a double enqueue, or BullMQ handing a job whose lock lapsed to another
 * worker): the second read the job while the first still ran it, and took the repository lock just after
 * the first finished and released it. It must see that the job is done and not run it a second time.
 */
describe('a second delivery of a sync job that finished while it waited for the lock', () => {
  let system: TestSystem;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 30, comments: 10, pullRequests: 0 }],
      worker: false,
    });
    // A worker on another queue prefix: it consumes nothing, so both deliveries below are this test's.
    worker = await startWorker(loadConfig({ ...system.env, QUEUE_PREFIX: `${system.env.QUEUE_PREFIX}-x` }));
  });

  afterAll(async () => {
    await worker?.close();
    await system?.close();
  });

  const context = (id: string): JobContext => ({
    id,
    attemptsMade: 0,
    maxAttempts: 3,
    enqueuedAt: new Date(),
    delayUntil: () => Promise.reject(new Error('the repository lock was expected to be free')),
  });

  it('skips it: the repository is synced once and the job records one run', async () => {
    const seeded = await seedWorkspace(system, ['acme/web']);
    const started = await http(system.apiUrl, seeded.adminToken).post(
      `/workspaces/${seeded.slug}/integrations/github-mcp/sync/`,
      { repository: 'acme/web' },
    );
    const syncJobId = String(started.body.job_id);
    const handler = worker.get(SyncRepositoryHandler);
    const locks = worker.get(ExclusiveLocks);
    const acquire = locks.acquire.bind(locks);
    // The second delivery has read the job (still queued); before it asks for the lock, the first
    // delivery runs the whole job and releases the lock.
    const spy = jest.spyOn(locks, 'acquire').mockImplementationOnce(async (...args) => {
      spy.mockImplementation(acquire);
      await expect(handler.handle({ syncJobId }, context(`${syncJobId}-first`))).resolves.toMatchObject({
        issues: 30,
      });
      return acquire(...args);
    });
    await expect(handler.handle({ syncJobId }, context(`${syncJobId}-second`))).resolves.toEqual({
      skipped: 'completed',
    });
    spy.mockRestore();
    const { rows } = await system.db.query(
      `SELECT status, items_synced, metadata FROM github_sync_jobs WHERE job_id = $1`,
      [syncJobId],
    );
    expect(rows[0]).toMatchObject({ status: 'completed', items_synced: 30 });
    expect((rows[0].metadata as { runs: unknown[] }).runs).toHaveLength(1);
    const { rows: mirrored } = await system.db.query(`SELECT count(*)::int AS n FROM github_issue_syncs`);
    expect(mirrored[0]).toEqual({ n: 30 });
  });
});
