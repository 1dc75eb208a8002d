import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { createRedisClient } from '#libs/redis';
import { authEpochKey } from '../auth-epoch.js';

/** The connection with HIT_SCRIPT defined as a command (the number of keys is its first argument). */
type ThrottleRedis = Redis & { throttleHits(...args: (string | number)[]): Promise<number[]> };

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One budget of one caller: `throttlerName` and `key` name its counter. */
export interface ThrottleCheck {
  key: string;
  throttlerName: string;
  limit: number;
}

export interface ThrottleHits {
  /** The records of the budgets charged (the last one is blocked when fewer than the checks come back). */
  records: ThrottlerStorageRecord[];
  /** The auth epoch at the time of the hits (read in the same round trip, see AuthEpoch). */
  authEpoch: number;
}

/**
 * Reads the auth epoch (KEYS[1], see AuthEpoch), then takes atomic steps of fixed-window counters with a
 * block, one per pair of keys (hits, block) after it and pair of arguments (limit, block ms) after the
 * window (ARGV[1], ms), in order until one is blocked: while
 * the block key lives the caller stays blocked; otherwise INCR the hit counter (PEXPIRE on the first hit
 * of a window) and start a block when the limit is exceeded. A blocked step ends the script, so the
 * budgets after it are not charged. Returns the epoch, then {hits, window ttl ms, blocked 0|1, block ttl
 * ms} per step taken, flattened.
 */
const HIT_SCRIPT = `
local out = {tonumber(redis.call('GET', KEYS[1]) or '0')}
local window = tonumber(ARGV[1])
for i = 1, (#KEYS - 1) / 2 do
  local hitsKey, blockKey = KEYS[2 * i], KEYS[2 * i + 1]
  local limit, block = tonumber(ARGV[2 * i]), tonumber(ARGV[2 * i + 1])
  local blockTtl = redis.call('PTTL', blockKey)
  if blockTtl > 0 then
    local current = tonumber(redis.call('GET', hitsKey) or '0')
    table.insert(out, current); table.insert(out, redis.call('PTTL', hitsKey))
    table.insert(out, 1); table.insert(out, blockTtl)
    return out
  end
  local hits = redis.call('INCR', hitsKey)
  if hits == 1 then redis.call('PEXPIRE', hitsKey, window) end
  local ttl = redis.call('PTTL', hitsKey)
  if ttl < 0 then
    redis.call('PEXPIRE', hitsKey, window)
    ttl = window
  end
  if hits > limit then
    redis.call('SET', blockKey, '1', 'PX', block)
    table.insert(out, hits); table.insert(out, ttl); table.insert(out, 1); table.insert(out, block)
    return out
  end
  table.insert(out, hits); table.insert(out, ttl); table.insert(out, 0); table.insert(out, 0)
end
return out
`;

/**
 * `@nestjs/throttler` storage on Redis, shared by every API process: counters live under
 * `<prefix>:api-ratelimit:`; times in the record are seconds (as the throttler's own storage reports them).
 * `incrementAll` charges several budgets of one request in one round trip and reads the auth epoch on the
 * way.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    // EVALSHA of the script, defined once (ioredis sends EVAL only when Redis does not know it yet).
    if (!('throttleHits' in redis)) redis.defineCommand('throttleHits', { lua: HIT_SCRIPT });
  }

  static connect(url: string, prefix: string): RedisThrottlerStorage {
    // Errors are reported per command by the caller.
    return new RedisThrottlerStorage(createRedisClient(url, 'api-rate-limit'), prefix);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const { records } = await this.incrementAll([{ key, throttlerName, limit }], ttl, blockDuration);
    return records[0] as ThrottlerStorageRecord;
  }

  /** One hit on each budget in order, atomically and in one round trip, stopping at the first blocked one. */
  async incrementAll(
    checks: readonly ThrottleCheck[],
    ttl: number,
    blockDuration: number,
  ): Promise<ThrottleHits> {
    const keys: string[] = [authEpochKey(this.prefix)];
    const args: number[] = [Math.max(1, Math.round(ttl))];
    for (const check of checks) {
      const base = `${this.prefix}:api-ratelimit:${check.throttlerName}:${check.key}`;
      keys.push(`${base}:hits`, `${base}:block`);
      args.push(check.limit, Math.max(1, Math.round(blockDuration)));
    }
    const flat = await (this.redis as ThrottleRedis).throttleHits(keys.length, ...keys, ...args);
    const records: ThrottlerStorageRecord[] = [];
    for (let i = 1; i + 3 < flat.length; i += 4) {
      const [hits, windowMs, blocked, blockMs] = flat.slice(i, i + 4) as [number, number, number, number];
      records.push({
        totalHits: hits,
        timeToExpire: Math.max(0, Math.ceil(windowMs / 1000)),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
      });
    }
    return { records, authEpoch: Number(flat[0]) };
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch (error) {
      this.logger.debug(`closing the rate-limit Redis connection: ${String(error)}`);
      this.redis.disconnect();
    }
  }
}
