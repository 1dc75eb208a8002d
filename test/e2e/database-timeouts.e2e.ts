import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnavailableError } from '#libs/common';
import { Prisma, isDatabaseUnavailable, rethrowUnavailable } from '#libs/db';
import { errorAnswer } from '../../apps/api/src/http/error-response.js';
import { PrismaService } from '../../libs/db/src/prisma.service.js';
import { requireTestEnv } from '../support/env.js';
import { type PausableProxy, startPausableProxy } from '../support/pausable-proxy.js';
import { type TestSystem, http, seedWorkspace, startSystem } from './support/system.js';

const STATEMENT_MS = 500;
/**
 * The pool's wait for a slot or a new connection. 1 s was too tight for the seeding in beforeAll on a busy
 * 2-core CI machine (every test failed with `Connection terminated due to connection timeout`).
 */
const CONNECT_MS = 3000;
/** The longest a request may wait on a paused database: a held statement, then a new connection. */
const BOUND_MS = STATEMENT_MS + 1000 + CONNECT_MS;

async function failure(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
  throw new Error('expected the statement to fail');
}

/** DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_CONNECT_TIMEOUT_MS on the app's pool (libs/db/src/app-pool.ts). */
describe('database timeouts', () => {
  let system: TestSystem;
  let proxy: PausableProxy;
  let prisma: PrismaService;
  let status: () => Promise<{ status: number; body: Record<string, unknown> }>;

  beforeAll(async () => {
    const server = new URL(requireTestEnv(['DATABASE_URL']).DATABASE_URL);
    proxy = await startPausableProxy({ host: server.hostname, port: Number(server.port) });
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 3 }],
      worker: false,
      env: (_sim, database) => {
        const url = new URL(database.url);
        url.host = proxy.address;
        return {
          DATABASE_URL: url.toString(),
          DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
          DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_MS),
        };
      },
    });
    const seeded = await seedWorkspace(system, []);
    prisma = system.api.get(PrismaService);
    const api = http(system.apiUrl, seeded.adminToken);
    status = () => api.get('/workspaces/acme/integrations/github-mcp/status/');
    await system.db.query('CREATE TABLE timeout_probe (label text)');
  });

  afterAll(async () => {
    proxy?.resume();
    await system?.close();
    await proxy?.close();
  });

  it('a statement past the timeout is cancelled by the server and is "database unavailable", cause kept', async () => {
    const raw = await failure(() => prisma.sql(Prisma.sql`SELECT pg_sleep(5)`));
    expect(raw.ms).toBeLessThan(STATEMENT_MS + 1000);
    expect(raw.error).toMatchObject({ code: '57014', message: expect.stringContaining('statement timeout') });
    expect(isDatabaseUnavailable(raw.error)).toBe(true);
    const mapped = await failure(async () => rethrowUnavailable(raw.error));
    expect(mapped.error).toBeInstanceOf(UnavailableError);
    expect((mapped.error as Error).cause).toBe(raw.error);

    const viaPrisma = await failure(() => prisma.$queryRaw`SELECT pg_sleep(5)`);
    expect(viaPrisma.ms).toBeLessThan(STATEMENT_MS + 1000);
    expect(isDatabaseUnavailable(viaPrisma.error)).toBe(true);
    const answer = errorAnswer(viaPrisma.error);
    expect(answer.status).toBe(503);
    expect(answer.headers['Retry-After']).toBe('5');
    expect((await status()).status).toBe(200); // the pool is fine afterwards
  });

  it('a paused server: requests are answered 503 within the bound, and 200 again once it resumes', async () => {
    proxy.pause();
    const started = performance.now();
    const answers = await Promise.all([status(), status(), status()]);
    const ms = performance.now() - started;
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
    expect(ms).toBeLessThan(BOUND_MS + 2000);
    const held = await failure(() => prisma.sql(Prisma.sql`SELECT 1`));
    expect(isDatabaseUnavailable(held.error)).toBe(true);
    proxy.resume();
    expect((await status()).status).toBe(200);
  });

  it('a transaction whose statement got no answer is never handed out again half-done', async () => {
    const tx = failure(() =>
      prisma.$transaction(async (t) => {
        await t.$executeRaw`INSERT INTO timeout_probe VALUES ('inside')`;
        proxy.pause();
        await t.$queryRaw`SELECT 1`;
      }),
    );
    const { error, ms } = await tx;
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(ms).toBeLessThan(BOUND_MS + 2000);
    proxy.resume();
    // Every connection of the pool in turn: none may run its statement inside the abandoned transaction.
    const labels = Array.from({ length: 12 }, (_, i) => `after ${i}`);
    await Promise.all(labels.map((l) => prisma.sql(Prisma.sql`INSERT INTO timeout_probe VALUES (${l})`)));
    for (let i = 0; i < 12; i++) await prisma.sql(Prisma.sql`INSERT INTO timeout_probe VALUES ('serial')`);
    const { rows } = await system.db.query<{ label: string }>('SELECT label FROM timeout_probe');
    const seen = rows.map((r) => r.label);
    expect(seen).not.toContain('inside');
    expect(seen.filter((l) => l.startsWith('after')).sort()).toEqual([...labels].sort());
    expect(seen.filter((l) => l === 'serial')).toHaveLength(12);
  });
});
