import type { RedisOptions } from 'bullmq';

export type RedisRole = 'worker' | 'producer';

/**
 * Redis options for BullMQ. Workers need `maxRetriesPerRequest: null`; producers in the API use
 * `enableOfflineQueue: false` so a Redis outage fails fast instead of hanging a request.
 */
export function redisOptions(url: string, role: RedisRole): RedisOptions {
  return {
    url,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5000,
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}
