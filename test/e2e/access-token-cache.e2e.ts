import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TOKEN_CACHE_MS } from '#libs/auth';
import { type EntryProcess, startEntry, stopAllEntries } from '../support/process.js';
import { childEnv } from './support/ops-process.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const STATUS = '/workspaces/acme/integrations/github-mcp/status/';
const AUDIT = '/workspaces/acme/integrations/github-mcp/audit-logs/';

async function startApi(system: TestSystem, env: Record<string, string> = {}): Promise<string> {
  const api: EntryProcess = startEntry('apps/api/src/main', { env: childEnv(system, env) });
  const output = await api.waitForOutput(/api listening on (http:\/\/\S+)"/);
  return /api listening on (http:\/\/[^"\s]+)/.exec(output)?.[1] ?? '';
}

async function statusOf(base: string, path: string, token: string): Promise<number> {
  const response = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return response.status;
}

/** Three answers from every process (each keeps the token's principal in its cache). */
async function warm(bases: string[], path: string, token: string, expected: number): Promise<void> {
  for (const base of bases) {
    for (let i = 0; i < 3; i += 1) expect(await statusOf(base, path, token)).toBe(expected);
  }
}

/**
 * Every API process keeps token principals for at most TOKEN_CACHE_MS: a revoked token or a demoted user
 * is refused by every process within that time — at once where the request's rate-limit round trip read
 * the auth epoch that the change bumped. Three API processes on the same Postgres and Redis: A and B with
 * rate limits (epoch), C with rate limits off (no Redis round trip: the time limit alone).
 */
describe('token principal cache across API processes', () => {
  let system: TestSystem;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let a: string;
  let b: string;
  let c: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [{ owner: 'acme', name: 'web', issues: 1 }], worker: false });
    seeded = await seedWorkspace(system, []);
    [a, b, c] = await Promise.all([
      startApi(system),
      startApi(system),
      startApi(system, { RATE_LIMIT_PER_TOKEN: '0', RATE_LIMIT_PER_IP: '0' }),
    ]);
  });

  afterAll(async () => {
    await stopAllEntries();
    await system?.close();
  });

  it('refuses a revoked token on every process: at once with the epoch, within 1 s without', async () => {
    const created = await system.admin.createToken({
      workspace: 'acme',
      email: 'member@acme.test',
      name: 'ci',
    });
    await warm([a, b, c], STATUS, created.token, 200);
    await system.admin.revokeToken({ workspace: 'acme', token: created.id });
    const revokedAt = performance.now();
    expect(await statusOf(b, STATUS, created.token)).toBe(401);
    expect(await statusOf(a, STATUS, created.token)).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_CACHE_MS - (performance.now() - revokedAt)));
    expect(await statusOf(c, STATUS, created.token)).toBe(401);
  });

  it('takes admin rights from a demoted user on every process: at once with the epoch, within 1 s without', async () => {
    await system.admin.addUser({ workspace: 'acme', email: 'ops@acme.test', name: 'Ops', role: 'admin' });
    const { token } = await system.admin.createToken({
      workspace: 'acme',
      email: 'ops@acme.test',
      name: 'ops',
    });
    await warm([a, b, c], AUDIT, token, 200);
    await system.admin.addUser({ workspace: 'acme', email: 'ops@acme.test', name: 'Ops', role: 'member' });
    const demotedAt = performance.now();
    expect(await statusOf(b, AUDIT, token)).toBe(403);
    expect(await statusOf(a, AUDIT, token)).toBe(403);
    expect(await statusOf(b, STATUS, token)).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, TOKEN_CACHE_MS - (performance.now() - demotedAt)));
    expect(await statusOf(c, AUDIT, token)).toBe(403);
    expect(await statusOf(c, STATUS, token)).toBe(200);
  });

  it('keeps other tokens working and records their use at most once a minute, not per request', async () => {
    const lastUsed = async () =>
      (
        await system.db.query<{ last_used_at: Date | null }>(
          `SELECT t.last_used_at FROM api_tokens t JOIN users u ON u.id = t.user_id
           WHERE u.email = 'member@acme.test' AND t.name = 't'`,
        )
      ).rows[0]?.last_used_at;
    await warm([a, b, c], STATUS, seeded.memberToken, 200);
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);
    await warm([a, b, c], STATUS, seeded.memberToken, 200);
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());
  });
});
