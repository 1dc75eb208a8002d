import { once } from 'node:events';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { type RedisRole, createRedisClient, reconnectDelay, redisOptions } from '#libs/redis';
import { createTestRedis } from '../../../test/support/redis.js';

const ROLES: RedisRole[] = [
  'queue-worker',
  'queue-producer',
  'api-rate-limit',
  'auth-epoch',
  'github-budget',
  'lock',
  'events-publisher',
  'events-subscriber',
];

describe('Redis clients per role', () => {
  const redis = createTestRedis();
  const clients: Redis[] = [];
  afterAll(async () => {
    for (const client of clients) {
      if (client.status === 'ready') await client.quit();
      else client.disconnect();
    }
  });

  it('connect with the same timeout and reconnect back-off, named after their role', async () => {
    for (const role of ROLES) {
      const client = createRedisClient(redis.url, role);
      clients.push(client);
      expect(client.options.connectTimeout).toBe(5000);
      expect(client.options.retryStrategy).toBe(reconnectDelay);
      // Clients without an offline queue take commands once connected; lazy ones connect on the first.
      if (!client.options.lazyConnect && client.status !== 'ready') await once(client, 'ready');
      expect(await client.ping()).toBe('PONG');
      expect(await client.client('GETNAME')).toBe(role);
    }
    expect([1, 2, 5, 10, 50].map(reconnectDelay)).toEqual([200, 400, 1000, 2000, 2000]);
  });

  it('lets BullMQ workers wait for Redis and makes API producers and publishers fail at once', async () => {
    expect(redisOptions(redis.url, 'queue-worker').maxRetriesPerRequest).toBeNull();
    for (const role of ['queue-producer', 'events-publisher'] as const) {
      const client = createRedisClient('redis://127.0.0.1:1', role);
      clients.push(client);
      await expect(client.ping()).rejects.toThrow(/enableOfflineQueue/);
    }
  });

  it('hands connection errors to the role owner', async () => {
    const errors: Error[] = [];
    const client = createRedisClient('redis://127.0.0.1:1', 'events-subscriber', (error) =>
      errors.push(error),
    );
    clients.push(client);
    await expect(client.connect()).rejects.toThrow();
    expect(errors.length).toBeGreaterThan(0);
  });
});
