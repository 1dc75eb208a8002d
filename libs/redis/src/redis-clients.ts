import { Redis } from 'ioredis';

/**
 * What a Redis connection is for. Every role shares the connect timeout and the reconnect back-off; they
 * differ only in what a command does while Redis is away.
 * - `queue-worker`: BullMQ workers (BullMQ requires `maxRetriesPerRequest: null`: commands wait for Redis);
 * - `queue-producer`: BullMQ queues in the API, no offline queue: an outage fails a request at once;
 * - `api-rate-limit`: the API's per-request rate limits, a command gives up after one second;
 * - `auth-epoch`: bumps of the auth epoch after a token or role change (connects on first use);
 * - `github-budget`: the per-token GitHub write budget (connects on first use);
 * - `lock`: exclusive locks (connects on first use);
 * - `events-publisher`: sync job changes published, no offline queue: a publish fails at once;
 * - `events-subscriber`: the subscription to sync job changes (connects on first use).
 */
export type RedisRole =
  | 'queue-worker'
  | 'queue-producer'
  | 'api-rate-limit'
  | 'auth-epoch'
  | 'github-budget'
  | 'lock'
  | 'events-publisher'
  | 'events-subscriber';

const CONNECT_TIMEOUT_MS = 5000;

/** Reconnect after 200 ms, 400 ms, … at most every 2 s, for as long as the process runs. */
export function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 200, 2000);
}

/** The options a role sets: plain values that both ioredis and BullMQ (its `connection`) accept. */
export interface RoleRedisOptions {
  url: string;
  connectionName: RedisRole;
  connectTimeout: number;
  retryStrategy: (attempt: number) => number;
  maxRetriesPerRequest: number | null;
  enableOfflineQueue?: boolean;
  commandTimeout?: number;
  lazyConnect?: boolean;
}

type RoleDifferences = Pick<
  RoleRedisOptions,
  'maxRetriesPerRequest' | 'enableOfflineQueue' | 'commandTimeout' | 'lazyConnect'
>;

const ROLE_OPTIONS: Record<RedisRole, RoleDifferences> = {
  'queue-worker': { maxRetriesPerRequest: null },
  'queue-producer': { maxRetriesPerRequest: 1, enableOfflineQueue: false },
  'api-rate-limit': { maxRetriesPerRequest: 1, commandTimeout: 1000 },
  'auth-epoch': { maxRetriesPerRequest: 1, commandTimeout: 1000, lazyConnect: true },
  'github-budget': { maxRetriesPerRequest: 3, lazyConnect: true },
  lock: { maxRetriesPerRequest: 2, lazyConnect: true },
  'events-publisher': { maxRetriesPerRequest: 1, enableOfflineQueue: false },
  'events-subscriber': { maxRetriesPerRequest: 1, lazyConnect: true },
};

/** The connection options of a role (BullMQ takes these as its `connection`; the name shows in CLIENT LIST). */
export function redisOptions(url: string, role: RedisRole): RoleRedisOptions {
  return {
    url,
    connectionName: role,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: reconnectDelay,
    ...ROLE_OPTIONS[role],
  };
}

/**
 * A new client for one role. `onError` receives the connection's errors (ioredis reports each failed
 * command to its caller as well); without it they are dropped, so an outage never logs an unhandled event.
 */
export function createRedisClient(url: string, role: RedisRole, onError?: (error: Error) => void): Redis {
  const { url: _url, ...options } = redisOptions(url, role);
  const redis = new Redis(url, options);
  redis.on('error', onError ?? (() => undefined));
  return redis;
}
