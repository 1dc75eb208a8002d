import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestRedis } from '../../../test/support/redis.js';
import { RedisThrottlerStorage, authEpochKey } from '../src/index.js';

describe('RedisThrottlerStorage (real Redis)', () => {
  const redis = createTestRedis();
  let storage: RedisThrottlerStorage;

  beforeAll(() => {
    storage = RedisThrottlerStorage.connect(redis.url, redis.prefix);
  });
  afterAll(async () => {
    await storage.close();
    await redis.cleanup();
  });

  it('counts hits in a window and blocks once the limit is exceeded, with the time left', async () => {
    const hits = [];
    for (let i = 0; i < 4; i += 1) hits.push(await storage.increment('caller-a', 60_000, 3, 30_000, 'ip'));
    expect(hits.map((h) => h.totalHits)).toEqual([1, 2, 3, 4]);
    expect(hits.map((h) => h.isBlocked)).toEqual([false, false, false, true]);
    expect(hits[0]?.timeToExpire).toBeGreaterThan(50);
    expect(hits[0]?.timeToExpire).toBeLessThanOrEqual(60);
    expect(hits[3]?.timeToBlockExpire).toBeGreaterThan(25);
    expect(hits[3]?.timeToBlockExpire).toBeLessThanOrEqual(30);
    const still = await storage.increment('caller-a', 60_000, 3, 30_000, 'ip');
    expect(still).toMatchObject({ isBlocked: true, totalHits: 4 });
  });

  it('keeps callers and throttlers apart', async () => {
    expect(await storage.increment('caller-b', 60_000, 1, 1000, 'ip')).toMatchObject({ totalHits: 1 });
    expect(await storage.increment('caller-b', 60_000, 1, 1000, 'token')).toMatchObject({ totalHits: 1 });
    expect(await storage.increment('caller-c', 60_000, 1, 1000, 'ip')).toMatchObject({ isBlocked: false });
  });

  it('is atomic under concurrency: exactly the limit gets through, every allowed hit has its own count', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => storage.increment('caller-d', 60_000, 40, 1000, 'token')),
    );
    const allowed = results.filter((r) => !r.isBlocked).map((r) => r.totalHits);
    expect(allowed.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(results.filter((r) => r.isBlocked)).toHaveLength(10);
  });

  it('starts a new window after the old one expires and the block is over', async () => {
    expect(await storage.increment('caller-e', 300, 1, 300, 'ip')).toMatchObject({ isBlocked: false });
    expect(await storage.increment('caller-e', 300, 1, 300, 'ip')).toMatchObject({ isBlocked: true });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await storage.increment('caller-e', 300, 1, 300, 'ip')).toMatchObject({
      isBlocked: false,
      totalHits: 1,
    });
  });

  it('charges several budgets in one call, in order, and stops at the first blocked one', async () => {
    const both = [
      { key: 'addr-f', throttlerName: 'ip', limit: 2 },
      { key: 'token-f', throttlerName: 'token', limit: 5 },
    ];
    const { records: first } = await storage.incrementAll(both, 60_000, 30_000);
    expect(first.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [1, false],
    ]);
    await storage.incrementAll(both, 60_000, 30_000);
    const { records: third } = await storage.incrementAll(both, 60_000, 30_000);
    // The address is over its limit: the token's budget is not charged for this request.
    expect(third).toHaveLength(1);
    expect(third[0]).toMatchObject({ totalHits: 3, isBlocked: true });
    expect(third[0]?.timeToBlockExpire).toBeGreaterThan(25);
    expect(await storage.increment('token-f', 60_000, 5, 30_000, 'token')).toMatchObject({
      totalHits: 3,
      isBlocked: false,
    });
  });

  it('reads the auth epoch in the same call', async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    await client.set(authEpochKey(redis.prefix), '41');
    await client.incr(authEpochKey(redis.prefix));
    client.disconnect();
    const hit = await storage.incrementAll([{ key: 'addr-g', throttlerName: 'ip', limit: 9 }], 60_000, 1000);
    expect(hit.authEpoch).toBe(42);
    expect(await storage.incrementAll([], 60_000, 1000)).toEqual({ records: [], authEpoch: 42 });
  });

  it('keeps its keys under the prefix', async () => {
    const { Redis } = await import('ioredis');
    const client = new Redis(redis.url);
    const keys = await client.keys(`${redis.prefix}:api-ratelimit:*`);
    client.disconnect();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => !k.includes('undefined'))).toBe(true);
  });
});
