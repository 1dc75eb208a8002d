import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { requestFingerprint } from '../../apps/api/src/http/idempotency.interceptor.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

type Json = Record<string, unknown>;

/** Idempotency-Key leases and responses that could not be stored (issue 17). Lease: 2 s. */
describe('Idempotency-Key: lease and unstored responses', () => {
  let system: TestSystem;
  let token: string;
  let path: string;
  let workspaceId: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false, env: { IDEMPOTENCY_LEASE_SECONDS: '2' } });
    const seeded = await seedWorkspace(system, []);
    token = seeded.memberToken;
    path = `/workspaces/acme/projects/${seeded.projectId}/issues/`;
    const { rows } = await system.db.query(`SELECT id FROM workspaces WHERE slug = 'acme'`);
    workspaceId = String(rows[0].id);
  });

  afterAll(async () => {
    await system?.close();
  });

  async function create(key: string, title: string): Promise<{ status: number; body: Json }> {
    const res = await fetch(system.apiUrl + path, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      body: JSON.stringify({ title }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  }

  async function issues(title: string): Promise<number> {
    const { rows } = await system.db.query('SELECT count(*)::int AS n FROM issues WHERE title = $1', [title]);
    return Number(rows[0].n);
  }

  async function withTrigger(table: string, body: string, run: () => Promise<void>): Promise<void> {
    await system.db.query(`
      CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NEW; END $$;
      CREATE TRIGGER test_fault BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION test_fault();`);
    try {
      await run();
    } finally {
      await system.db.query(`DROP TRIGGER test_fault ON ${table}; DROP FUNCTION test_fault()`);
    }
  }

  it('a response that could not be stored keeps the key: retries get 409, nothing is created twice', async () => {
    await withTrigger(
      'idempotency_keys',
      `IF NEW.response_status > 0 THEN RAISE EXCEPTION 'simulated failure storing the response'; END IF;`,
      async () => {
        const first = await create('unstored-1', 'Unstored');
        expect(first.status).toBe(201); // the issue exists: the client gets its answer
      },
    );
    const retry = await create('unstored-1', 'Unstored');
    expect(retry.status).toBe(409);
    expect(retry.body).toMatchObject({
      error: {
        code: 'conflict',
        message: 'the original request completed; its response could not be stored',
      },
    });
    expect(await issues('Unstored')).toBe(1);
  });

  it("a crashed request's pending key answers 409 under its lease and is taken over once it lapses", async () => {
    const url = new URL(system.apiUrl + path);
    const hash = requestFingerprint('POST', url.pathname, { title: 'Crashed' });
    await system.db.query(
      `INSERT INTO idempotency_keys (id, workspace_id, key, method, path, request_hash, response_status,
         response_body, expires_at, lease_expires_at)
       VALUES (gen_random_uuid(), $1, 'crashed-1', 'POST', $2, $3, 0, '{}', now() + interval '24 hours',
         now() + interval '10 minutes')`,
      [workspaceId, url.pathname, hash],
    );
    const during = await create('crashed-1', 'Crashed');
    expect(during.status).toBe(409);
    expect(String((during.body.error as Json).message)).toMatch(/still being processed/);

    await system.db.query(
      `UPDATE idempotency_keys SET lease_expires_at = now() - interval '1 second' WHERE key = 'crashed-1'`,
    );
    const retry = await create('crashed-1', 'Crashed');
    expect(retry.status).toBe(201);
    const replay = await create('crashed-1', 'Crashed');
    expect(replay).toEqual(retry);
    expect(await issues('Crashed')).toBe(1);
  });

  it('the lease is renewed while the request runs: a retry past the first lease is still 409', async () => {
    await withTrigger('issues', `IF NEW.title = 'Slow' THEN PERFORM pg_sleep(4); END IF;`, async () => {
      const first = create('slow-1', 'Slow');
      await new Promise((resolve) => setTimeout(resolve, 3000)); // past the 2 s lease
      const during = await create('slow-1', 'Slow');
      expect(during.status).toBe(409);
      expect(String((during.body.error as Json).message)).toMatch(/still being processed/);
      expect((await first).status).toBe(201);
    });
    const replay = await create('slow-1', 'Slow');
    expect(replay.status).toBe(201);
    expect(await issues('Slow')).toBe(1);
  }, 30_000);
});
