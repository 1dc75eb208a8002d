import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ACQUIRE_SLOT, SLIDING_WINDOW } from './scripts.js';

export interface RateLimitOptions {
  /** Key prefix (the queue prefix: hash-tagged, so every key of the limiter lives on one Cluster slot). */
  prefix: string;
  /** Writes per token in any sliding window of `windowMs` (GitHub: 80 content-creating requests a minute). */
  writesPerWindow: number;
  windowMs: number;
  /** Calls per token in flight at once, across every worker. */
  concurrency: number;
  /** A slot not released within this time (a killed worker) is given back automatically. */
  slotTtlMs: number;
}

export interface LimitDecision {
  allowed: boolean;
  /** When not allowed: how long until the budget can grant again (0 when allowed). */
  retryAfterMs: number;
}

/**
 * Per-token budgets shared in Redis: a sliding-window write pace and a concurrency bound. Tokens are
 * identified by `tokenKey(token)` (a hash). Decisions are pure functions of the Redis state and the
 * `now` passed in, so tests assert them without timing.
 */
export class TokenRateLimiter {
  constructor(
    private readonly redis: Redis,
    readonly options: RateLimitOptions,
  ) {}

  /** Takes one write from the token's window budget when available. */
  async tryWrite(key: string, now = Date.now()): Promise<LimitDecision> {
    const reply = (await this.redis.eval(
      SLIDING_WINDOW,
      1,
      this.key(key, 'writes'),
      now,
      this.options.windowMs,
      this.options.writesPerWindow,
      `${now}:${randomUUID()}`,
    )) as [number, number];
    return decision(reply);
  }

  /** Takes (or refreshes) the concurrency slot `lease` of the token when one is free. */
  async tryAcquireSlot(key: string, lease: string, now = Date.now()): Promise<LimitDecision> {
    const reply = (await this.redis.eval(
      ACQUIRE_SLOT,
      1,
      this.key(key, 'inflight'),
      now,
      this.options.slotTtlMs,
      this.options.concurrency,
      lease,
    )) as [number, number];
    return decision(reply);
  }

  async releaseSlot(key: string, lease: string): Promise<void> {
    await this.redis.zrem(this.key(key, 'inflight'), lease);
  }

  /** Writes granted in the current window and slots in use (for status and tests). */
  async usage(key: string, now = Date.now()): Promise<{ writes: number; inFlight: number }> {
    const [writes, inFlight] = await Promise.all([
      this.redis.zcount(this.key(key, 'writes'), now - this.options.windowMs + 1, '+inf'),
      this.redis.zcount(this.key(key, 'inflight'), now + 1, '+inf'),
    ]);
    return { writes, inFlight };
  }

  private key(token: string, kind: 'writes' | 'inflight'): string {
    return `${this.options.prefix}:ratelimit:${token}:${kind}`;
  }
}

function decision([allowed, wait]: [number, number]): LimitDecision {
  return allowed === 1
    ? { allowed: true, retryAfterMs: 0 }
    : { allowed: false, retryAfterMs: Math.max(1, wait) };
}
