import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Redis } from 'ioredis';

/** The connection with HIT_SCRIPT defined as a command. */
type ThrottleRedis = Redis & { throttleHit(...args: (string | number)[]): Promise<unknown> };

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One atomic step of a fixed-window counter with a block: while the block key lives the caller stays
 * blocked; otherwise INCR the hit counter (PEXPIRE on the first hit of a window) and start a block when
 * the limit is exceeded. Returns {hits, window ttl ms, blocked 0|1, block ttl ms}.
 */
const HIT_SCRIPT = `
local blockTtl = redis.call('PTTL', KEYS[2])
if blockTtl > 0 then
  local current = tonumber(redis.call('GET', KEYS[1]) or '0')
  return {current, redis.call('PTTL', KEYS[1]), 1, blockTtl}
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
if hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  return {hits, ttl, 1, tonumber(ARGV[3])}
end
return {hits, ttl, 0, 0}
`;

/**
 * `@nestjs/throttler` storage on Redis, shared by every API process: counters live under
 * `<prefix>:api-ratelimit:`; times in the record are seconds (as the throttler's own storage reports them).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {
    // EVALSHA of the script, defined once (ioredis sends EVAL only when Redis does not know it yet).
    if (!('throttleHit' in redis)) redis.defineCommand('throttleHit', { numberOfKeys: 2, lua: HIT_SCRIPT });
  }

  static connect(url: string, prefix: string): RedisThrottlerStorage {
    const redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
      connectTimeout: 5000,
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    });
    redis.on('error', () => undefined); // reported per command by the caller
    return new RedisThrottlerStorage(redis, prefix);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:api-ratelimit:${throttlerName}:${key}`;
    const result = (await (this.redis as ThrottleRedis).throttleHit(
      `${base}:hits`,
      `${base}:block`,
      Math.max(1, Math.round(ttl)),
      limit,
      Math.max(1, Math.round(blockDuration)),
    )) as [number, number, number, number];
    const [hits, windowMs, blocked, blockMs] = result;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(windowMs / 1000)),
      isBlocked: blocked === 1,
      timeToBlockExpire: Math.max(0, Math.ceil(blockMs / 1000)),
    };
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
