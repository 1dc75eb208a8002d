import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { startApi } from '../../apps/api/src/bootstrap.js';
import { call } from './access-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

describe('rate limits on the API (per API token and per client IP, in Redis)', () => {
  let system: TestSystem;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let second: { app: INestApplication; url: string } | undefined;
  let status: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 1, comments: 0 }],
      worker: false,
      env: {
        TRUST_PROXY: '1', // one proxy (the test): X-Forwarded-For gives each test its own client address
        RATE_LIMIT_WINDOW_SECONDS: '60',
        RATE_LIMIT_PER_TOKEN: '5',
        RATE_LIMIT_PER_IP: '8',
      },
    });
    seeded = await seedWorkspace(system, []);
    status = `${system.apiUrl}/workspaces/acme/integrations/github-mcp/status/`;
  });

  afterAll(async () => {
    await second?.app.close();
    await system?.close();
  });

  const from = (ip: string) => ({ 'x-forwarded-for': ip });

  it('gives each API token its budget: over it, 429 with Retry-After; other tokens are not affected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      statuses.push((await call(status, { token: seeded.adminToken, headers: from('10.0.0.1') })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await call(status, { token: seeded.adminToken, headers: from('10.0.0.2') });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.json).toMatchObject({
      error: { code: 'too_many_requests', message: expect.stringMatching(/API token/) },
    });
    expect(limited.headers.get('x-ratelimit-remaining-token')).toBe('0');
    const member = await call(status, { token: seeded.memberToken, headers: from('10.0.0.3') });
    expect(member.status).toBe(200);
    expect(member.headers.get('x-ratelimit-limit-token')).toBe('5');
  });

  it('gives each client address its budget, with or without a (valid) token', async () => {
    const ip = from('10.0.1.1');
    const answers = [];
    for (let i = 0; i < 8; i += 1) answers.push((await call(status, { headers: ip })).status);
    expect(answers).toEqual(Array(8).fill(401));
    const limited = await call(status, { token: seeded.memberToken, headers: ip });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: { message: expect.stringMatching(/client address/) } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const callback = await call(`${system.apiUrl}/auth/github/callback?state=x&code=y`, { headers: ip });
    expect(callback.status).toBe(429);
    expect((await call(status, { token: seeded.memberToken, headers: from('10.0.1.2') })).status).toBe(200);
  });

  it('with TRUST_PROXY=1 counts the address the proxy saw, not a forged first X-Forwarded-For hop', async () => {
    // The client sends `X-Forwarded-For: 6.6.6.<n>`; the one trusted proxy appends the address it saw.
    const forged = (n: number, seen: string) => ({ 'x-forwarded-for': `6.6.6.${n}, ${seen}` });
    const answers = [];
    for (let i = 0; i < 8; i += 1)
      answers.push((await call(status, { headers: forged(i, '10.0.3.1') })).status);
    expect(answers).toEqual(Array(8).fill(401));
    const limited = await call(status, { headers: forged(99, '10.0.3.1') });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ error: { message: expect.stringMatching(/client address/) } });
    // The same forged first hop through another address is not limited: 6.6.6.x was never the key.
    expect((await call(status, { headers: forged(0, '10.0.3.2') })).status).toBe(401);
  });

  it('shares the counters between API processes through Redis', async () => {
    second = await startApi(system.config, 0);
    const ip = from('10.0.2.1');
    for (let i = 0; i < 4; i += 1) {
      expect((await call(status, { headers: ip })).status).toBe(401);
      expect(
        (await call(`${second.url}/workspaces/acme/integrations/github-mcp/status/`, { headers: ip })).status,
      ).toBe(401);
    }
    expect((await call(status, { headers: ip })).status).toBe(429);
    expect(
      (await call(`${second.url}/workspaces/acme/integrations/github-mcp/status/`, { headers: ip })).status,
    ).toBe(429);
  });
});
