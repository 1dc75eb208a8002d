import { randomUUID } from 'node:crypto';
import type { TokenRateLimiter } from './token-rate-limiter.js';

export type GateResult =
  | { granted: true; release: () => Promise<void> }
  | { granted: false; retryAfterMs: number; reason: 'pace' | 'concurrency' };

export interface GateOptions {
  /** Wait in-process up to this long for a slot or a write; beyond it the caller should defer (delay its job). */
  maxWaitMs: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const POLL_MS = 200;

/**
 * One GitHub write through a token's shared budgets: first a concurrency slot, then a write from the
 * paced window. Short waits happen in-process; a longer one is returned so the job can be delayed
 * instead of holding a worker (a delayed BullMQ job does not consume an attempt).
 */
export class WriteGate {
  constructor(private readonly limiter: TokenRateLimiter) {}

  async acquire(key: string, options: GateOptions): Promise<GateResult> {
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const now = options.now ?? Date.now;
    const lease = randomUUID();
    let waited = 0;
    for (;;) {
      const slot = await this.limiter.tryAcquireSlot(key, lease, now());
      if (!slot.allowed) {
        const pause = Math.min(slot.retryAfterMs, POLL_MS);
        if (waited + pause > options.maxWaitMs) {
          return { granted: false, retryAfterMs: slot.retryAfterMs, reason: 'concurrency' };
        }
        await sleep(pause);
        waited += pause;
        continue;
      }
      const write = await this.limiter.tryWrite(key, now());
      if (write.allowed) return { granted: true, release: () => this.limiter.releaseSlot(key, lease) };
      await this.limiter.releaseSlot(key, lease);
      if (waited + write.retryAfterMs > options.maxWaitMs) {
        return { granted: false, retryAfterMs: write.retryAfterMs, reason: 'pace' };
      }
      await sleep(write.retryAfterMs);
      waited += write.retryAfterMs;
    }
  }
}
