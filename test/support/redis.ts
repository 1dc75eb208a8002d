import { randomBytes } from 'node:crypto';
import { deleteKeysOfPrefix } from '../../scripts/lib/redis-keys.js';
import { requireTestEnv, workerId } from './env.js';

export interface TestRedis {
  url: string;
  /** Unique per call: pass it as BullMQ's `prefix`; name other keys `${prefix}:…`. */
  prefix: string;
  /** Deletes every key under the prefix. */
  cleanup(): Promise<void>;
}

/** Redis for one test file: the run's server with a key prefix nobody else uses. */
export function createTestRedis(): TestRedis {
  const env = requireTestEnv(['REDIS_URL']);
  const run = process.env.TEST_RUN_ID ?? 'adhoc';
  const prefix = `test:${run}:w${workerId()}:${randomBytes(4).toString('hex')}`;
  return {
    url: env.REDIS_URL,
    prefix,
    cleanup: async () => {
      await deleteKeysOfPrefix(env.REDIS_URL, prefix);
    },
  };
}
