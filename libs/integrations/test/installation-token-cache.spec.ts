import { describe, expect, it } from '@jest/globals';
import { type InstallationToken, InstallationTokenCache } from '../src/index.js';

function harness(lifetimeMs: number) {
  let now = 1_000_000;
  let mints = 0;
  const release: (() => void)[] = [];
  const load = async (id: bigint): Promise<InstallationToken> => {
    mints += 1;
    const n = mints;
    await new Promise<void>((resolve) => release.push(resolve));
    return { token: `ghs_${id}_${n}`, expiresAt: new Date(now + lifetimeMs) };
  };
  const cache = new InstallationTokenCache(load, () => now);
  return {
    cache,
    mints: () => mints,
    advance: (ms: number) => (now += ms),
    /** Lets every pending mint finish. */
    settle: async () => {
      while (release.length === 0) await new Promise((resolve) => setImmediate(resolve));
      release.splice(0).forEach((r) => r());
    },
  };
}

async function get(h: ReturnType<typeof harness>, id: bigint) {
  const pending = h.cache.get(id);
  await h.settle();
  return (await pending).token;
}

describe('InstallationTokenCache', () => {
  it('shares one mint between concurrent callers of an installation', async () => {
    const h = harness(3600_000);
    const callers = Array.from({ length: 10 }, () => h.cache.get(7n));
    await h.settle();
    const tokens = (await Promise.all(callers)).map((t) => t.token);
    expect(new Set(tokens)).toEqual(new Set(['ghs_7_1']));
    expect(h.mints()).toBe(1);
  });

  it('reuses a token while at least 60 s remain, then mints a new one', async () => {
    const h = harness(3600_000);
    expect(await get(h, 1n)).toBe('ghs_1_1');
    h.advance(3600_000 - 61_000);
    expect((await h.cache.get(1n)).token).toBe('ghs_1_1');
    h.advance(2_000); // 59 s left
    expect(await get(h, 1n)).toBe('ghs_1_2');
    expect(h.mints()).toBe(2);
  });

  it('mints again on every call when tokens live less than the refresh margin', async () => {
    const h = harness(30_000);
    expect(await get(h, 1n)).toBe('ghs_1_1');
    expect(await get(h, 1n)).toBe('ghs_1_2');
  });

  it('keeps installations apart, forgets on request and does not cache failures', async () => {
    const h = harness(3600_000);
    expect(await get(h, 1n)).toBe('ghs_1_1');
    expect(await get(h, 2n)).toBe('ghs_2_2');
    h.cache.forget(1n);
    expect(await get(h, 1n)).toBe('ghs_1_3');

    let fail = true;
    const flaky = new InstallationTokenCache(async (id) => {
      if (fail) throw new Error('GitHub is down');
      return { token: `ghs_${id}`, expiresAt: new Date(Date.now() + 3600_000) };
    });
    await expect(flaky.get(3n)).rejects.toThrow('GitHub is down');
    fail = false;
    await expect(flaky.get(3n)).resolves.toMatchObject({ token: 'ghs_3' });
  });
});
