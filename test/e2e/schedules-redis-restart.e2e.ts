import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { QueueName } from '#libs/queue';
import { SCHEDULES } from '../../apps/worker/src/schedules.service.js';
import { PrivateRedis } from '../../libs/webhooks/test/support/private-redis.js';
import { type TestSystem, startSystem, waitFor } from './support/system.js';

/**
 * Redis restarted empty (no persistence) under a running worker: the repeatable jobs (periodic sync,
 * cleanup, the reconciliation of lost sync jobs) come back without restarting the worker. Found by
 * `npm run bench:faults`: a sync row whose BullMQ job died with Redis stayed `running` for good.
 */
describe('schedules after Redis comes back empty', () => {
  let redis: PrivateRedis;
  let system: TestSystem;
  let queue: Queue;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    system = await startSystem({ repos: [], env: { REDIS_URL: redis.url } });
    queue = new Queue(QueueName.Maintenance, {
      connection: { url: redis.url },
      prefix: system.config.queue.prefix,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await system?.close();
    await redis?.stop();
  });

  const schedulers = async () => (await queue.getJobSchedulers()).map((s) => s.key).sort();

  it('upserts every scheduler again once the worker has reconnected', async () => {
    const all = Object.values(SCHEDULES).sort();
    expect(await schedulers()).toEqual(all);
    await redis.stop();
    await redis.resume();
    await waitFor(
      'the schedulers to be back',
      async () => {
        const now = await schedulers().catch(() => []);
        return now.length === all.length ? now : undefined;
      },
      30_000,
    );
    expect(await schedulers()).toEqual(all);
  });
});
