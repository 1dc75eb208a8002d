import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createTestRedis } from '../../../test/support/redis.js';
import { TokenRateLimiter, WriteGate, tokenKey } from '../src/index.js';

/** Decisions are asserted at explicit clock values (`now`), never by elapsed time. */
describe('TokenRateLimiter (real Redis, shared by every worker)', () => {
  const redis = createTestRedis();
  let clients: Redis[];
  let workerA: TokenRateLimiter;
  let workerB: TokenRateLimiter;
  const options = (prefix: string) => ({
    prefix,
    writesPerWindow: 80,
    windowMs: 60_000,
    concurrency: 2,
    slotTtlMs: 10_000,
  });

  beforeAll(() => {
    clients = [new Redis(redis.url), new Redis(redis.url)];
    workerA = new TokenRateLimiter(clients[0]!, options(redis.prefix));
    workerB = new TokenRateLimiter(clients[1]!, options(redis.prefix));
  });
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await redis.cleanup();
  });

  it('grants 80 writes per token in any 60 s window, across processes, then says when the next one is due', async () => {
    const key = tokenKey('ghp_pace');
    const t0 = 1_000_000;
    const decisions = [];
    for (let i = 0; i < 80; i += 1) {
      const limiter = i % 2 === 0 ? workerA : workerB; // two workers draw from one budget
      decisions.push(await limiter.tryWrite(key, t0 + i * 500));
    }
    expect(decisions.every((d) => d.allowed)).toBe(true);
    const refused = await workerA.tryWrite(key, t0 + 45_000);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 15_000 });
    // The oldest grant leaves the window at t0 + 60 s: exactly one more write fits then.
    expect(await workerB.tryWrite(key, t0 + 60_000)).toEqual({ allowed: true, retryAfterMs: 0 });
    expect((await workerA.tryWrite(key, t0 + 60_000)).allowed).toBe(false);
    expect(await workerA.usage(key, t0 + 60_000)).toMatchObject({ writes: 80 });
    // Another token has its own budget.
    expect((await workerA.tryWrite(tokenKey('ghp_other'), t0 + 45_000)).allowed).toBe(true);
  });

  it('bounds the writes of a token in flight at once, and gives back slots of a worker that died', async () => {
    const key = tokenKey('ghp_slots');
    const t0 = 5_000_000;
    expect((await workerA.tryAcquireSlot(key, 'a', t0)).allowed).toBe(true);
    expect((await workerB.tryAcquireSlot(key, 'b', t0 + 1000)).allowed).toBe(true);
    expect(await workerA.tryAcquireSlot(key, 'c', t0 + 2000)).toEqual({ allowed: false, retryAfterMs: 8000 });
    expect((await workerA.tryAcquireSlot(key, 'a', t0 + 2000)).allowed).toBe(true); // re-entrant refresh
    await workerB.releaseSlot(key, 'b');
    expect((await workerA.tryAcquireSlot(key, 'c', t0 + 2000)).allowed).toBe(true);
    expect((await workerB.tryAcquireSlot(key, 'd', t0 + 3000)).allowed).toBe(false);
    // 'a' was refreshed at t0+2 s and 'c' taken then: both expire at t0+12 s (a killed worker's slots).
    expect((await workerB.tryAcquireSlot(key, 'd', t0 + 12_001)).allowed).toBe(true);
  });

  it('identifies tokens by a hash: the token itself never appears in a Redis key', async () => {
    const token = 'ghp_SecretValue0000000000000000000000000';
    await workerA.tryWrite(tokenKey(token), 7_000_000);
    const keys = await clients[0]!.keys(`${redis.prefix}:ratelimit:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(token) || k.includes('SecretValue'))).toBe(false);
    expect(tokenKey(token)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('WriteGate waits in-process for short waits and hands longer ones back to the job', async () => {
    const key = tokenKey('ghp_gate');
    let clock = 9_000_000;
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
      clock += ms;
    };
    const now = () => clock;
    const limiter = new TokenRateLimiter(clients[0]!, {
      ...options(redis.prefix),
      writesPerWindow: 2,
      windowMs: 1000,
    });
    const gate = new WriteGate(limiter);
    const first = await gate.acquire(key, { maxWaitMs: 2000, sleep, now });
    const second = await gate.acquire(key, { maxWaitMs: 2000, sleep, now });
    expect(first.granted && second.granted).toBe(true);
    if (first.granted) await first.release();
    if (second.granted) await second.release();
    const third = await gate.acquire(key, { maxWaitMs: 2000, sleep, now });
    expect(third.granted).toBe(true);
    expect(slept).toEqual([1000]); // the window freed a write after 1 s: waited in-process
    if (third.granted) await third.release();
    const paced = new TokenRateLimiter(clients[0]!, {
      ...options(redis.prefix),
      writesPerWindow: 1,
      windowMs: 60_000,
    });
    const slowGate = new WriteGate(paced);
    const key2 = tokenKey('ghp_gate_slow');
    const ok = await slowGate.acquire(key2, { maxWaitMs: 2000, sleep, now });
    expect(ok.granted).toBe(true);
    if (ok.granted) await ok.release();
    const deferred = await slowGate.acquire(key2, { maxWaitMs: 2000, sleep, now });
    expect(deferred).toEqual({ granted: false, retryAfterMs: 60_000, reason: 'pace' });
    expect(await paced.usage(key2, clock)).toEqual({ writes: 1, inFlight: 0 }); // the refused attempt holds no slot
  });
});
