import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

/**
 * Request bodies on the API's HTTP stack (apps/api/src/http/json-bodies.ts): what express.json() did before
 * the move to fastify, kept — every refused body is a 4xx `{error}` and writes nothing.
 */
describe('request bodies: JSON only, strict, at most 100 kB', () => {
  let system: TestSystem;
  let issues: string;
  let token: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false });
    const seeded = await seedWorkspace(system, []);
    token = seeded.memberToken;
    issues = `${system.apiUrl}/workspaces/acme/projects/${seeded.projectId}/issues/`;
  });

  afterAll(async () => {
    await system?.close();
  });

  const send = async (body: string, type?: string) => {
    const res = await fetch(issues, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
      body,
    });
    return {
      status: res.status,
      json: (await res.json()) as { error?: { code: string; message: string; field?: string } },
    };
  };
  const issueCount = async () =>
    Number((await system.db.query<{ n: string }>('SELECT count(*) AS n FROM issues')).rows[0]?.n);

  it('answers 400 bad_request to malformed JSON, to JSON that is not an object or an array, and to prototype keys', async () => {
    for (const body of [
      '{"title": "x"',
      '"just a string"',
      '42',
      '{"title": "x", "__proto__": {"admin": true}}',
      '{"title": "x", "constructor": {"prototype": {"admin": true}}}',
    ]) {
      const sent = await send(body, 'application/json');
      expect({ body, status: sent.status, code: sent.json.error?.code }).toEqual({
        body,
        status: 400,
        code: 'bad_request',
      });
      // Refused as a body, before validation (which would name a field).
      expect(sent.json.error?.message).toMatch(/JSON/);
      expect(sent.json.error?.field).toBeUndefined();
    }
    expect(await issueCount()).toBe(0);
  });

  it('answers 413 payload_too_large to a JSON body over 100 kB', async () => {
    const sent = await send(
      JSON.stringify({ title: 't', description: 'x'.repeat(101 * 1024) }),
      'application/json',
    );
    expect(sent.status).toBe(413);
    expect(sent.json.error?.code).toBe('payload_too_large');
    expect(await issueCount()).toBe(0);
  });

  it('reads an empty JSON body as {} and drops a body of another type, so validation names the field', async () => {
    for (const [body, type] of [
      ['', 'application/json'],
      ['title=x', 'application/x-www-form-urlencoded'],
      ['{"title": "x"}', 'text/plain'],
      ['{"title": "x"}', undefined],
    ] as const) {
      const sent = await send(body, type);
      expect({ type, status: sent.status, field: sent.json.error?.field }).toEqual({
        type,
        status: 400,
        field: 'title',
      });
    }
    expect(await issueCount()).toBe(0);
  });

  it('takes a JSON body with a charset, and answers the created issue', async () => {
    const sent = await send(JSON.stringify({ title: 'Ünïcode title' }), 'application/json; charset=utf-8');
    expect(sent.status).toBe(201);
    expect(await issueCount()).toBe(1);
  });
});
