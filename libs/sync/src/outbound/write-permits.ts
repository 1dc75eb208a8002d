import { Injectable } from '@nestjs/common';
import { TokenBudgets } from '#libs/github-budget';

/** The token's write budget is used up for now: the job should be delayed (not failed) this long. */
export class OutboundDeferred extends Error {
  constructor(
    readonly retryAfterMs: number,
    readonly reason: 'pace' | 'concurrency' | 'busy',
  ) {
    super(`GitHub writes deferred for ${retryAfterMs} ms (${reason})`);
    this.name = 'OutboundDeferred';
  }
}

/** Longest in-process wait for a write permit; longer waits delay the job instead of holding a worker. */
export const MAX_INLINE_WAIT_MS = 2000;

/**
 * Every GitHub write of the outbound writer goes through here: a concurrency slot and a paced write from
 * the token's budgets shared in Redis (`GITHUB_WRITES_PER_MINUTE`, `GITHUB_WRITE_CONCURRENCY_PER_TOKEN`).
 */
@Injectable()
export class WritePermits {
  constructor(private readonly budgets: TokenBudgets) {}

  async run<T>(tokenKey: string, write: () => Promise<T>): Promise<T> {
    const gate = await this.budgets.gate.acquire(tokenKey, { maxWaitMs: MAX_INLINE_WAIT_MS });
    if (!gate.granted) throw new OutboundDeferred(gate.retryAfterMs, gate.reason);
    try {
      return await write();
    } finally {
      await gate.release();
    }
  }
}
