import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningSimulator } from '../src/index.js';
import { callJson, connect, startTestSim } from './helpers.js';

type InstallationList = {
  total_count?: number;
  message?: string;
  installations?: {
    id: number;
    app_id: number;
    target_type: string;
    account: { login: string; type: string; id: number };
    suspended_at: string | null;
  }[];
};

function rsaKeys() {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
}

function jwt(privateKey: string, claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const data = `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}`;
  const signature = createSign('RSA-SHA256').update(data).sign(privateKey).toString('base64url');
  return `${data}.${signature}`;
}
describe('simulated GitHub App endpoints: installation tokens and installations', () => {
  let sim: RunningSimulator;
  const keys = rsaKeys();

  beforeAll(
    async () =>
      (sim = await startTestSim({ repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 0 }] })),
  );
  afterAll(() => sim.close());

  it('mints installation tokens for a JWT signed with the registered key, with an adjustable expiry', async () => {
    const registered = await fetch(`${sim.url}/_admin/oauth/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        app_id: '4242',
        public_key: keys.publicKey,
        installations: [{ id: 77, account: 'acme' }],
      }),
    });
    expect(registered.status).toBe(201);
    const now = Math.floor(Date.now() / 1000);
    const mint = (token: string, id = 77) =>
      fetch(`${sim.url}/app/installations/${id}/access_tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' },
      });
    const good = jwt(keys.privateKey, { iat: now - 30, exp: now + 540, iss: 4242 });
    const res = await mint(good);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { token: string; expires_at: string };
    expect(body.token).toMatch(/^ghs_/);
    const ttl = Date.parse(body.expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(3500_000);
    expect(body.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const client = await connect(sim, body.token);
    const found = await callJson<{ items: { full_name: string }[] }>(client, 'search_repositories', {
      query: 'user:acme',
    });
    expect(found.items.map((r) => r.full_name)).toEqual(['acme/web']);
    await client.close();

    const other = rsaKeys();
    expect((await mint(jwt(other.privateKey, { iat: now - 30, exp: now + 540, iss: 4242 }))).status).toBe(
      401,
    );
    expect((await mint(jwt(keys.privateKey, { iat: now - 700, exp: now - 100, iss: 4242 }))).status).toBe(
      401,
    );
    expect((await mint(jwt(keys.privateKey, { iat: now, exp: now + 500, iss: 1 }))).status).toBe(401);
    expect((await mint(good, 78)).status).toBe(404);

    await fetch(`${sim.url}/_admin/oauth/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ installation_token_ttl_seconds: 30 }),
    });
    const short = (await (await mint(good)).json()) as { expires_at: string };
    expect(Date.parse(short.expires_at) - Date.now()).toBeLessThan(31_000);
    expect(sim.oauth.minted.length).toBe(2);
  });

  it('lists the installations a user token can see on GET /user/installations, like GitHub', async () => {
    const admin = (path: string, body: unknown) =>
      fetch(`${sim.url}/_admin/oauth${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (
        await admin('/apps', {
          app_id: '5151',
          public_key: keys.publicKey,
          installations: [
            { id: 501, account: 'initech' },
            { id: 502, account: 'milton' },
            { id: 503, account: 'umbrella', installed_by: 'milton', suspended: true },
            { id: 504, account: 'hooli' },
          ],
        })
      ).status,
    ).toBe(201);
    expect((await admin('/orgs/initech/members', { login: 'milton' })).status).toBe(201);
    const list = async (token: string, query = '') => {
      const res = await fetch(`${sim.url}/user/installations${query}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/vnd.github+json' },
      });
      return {
        status: res.status,
        body: (await res.json()) as InstallationList,
      };
    };
    const milton = sim.oauth.issueUserToken('milton', ['repo']);
    const seen = await list(milton);
    expect(seen.status).toBe(200);
    expect(seen.body.total_count).toBe(3);
    expect(seen.body.installations?.map((i) => [i.id, i.account.login, i.account.type])).toEqual([
      [501, 'initech', 'Organization'],
      [502, 'milton', 'User'],
      [503, 'umbrella', 'User'],
    ]);
    expect(seen.body.installations?.[0]).toMatchObject({ app_id: 5151, target_type: 'Organization' });
    expect(seen.body.installations?.[2]?.suspended_at).toEqual(expect.any(String));
    const paged = await list(milton, '?per_page=1&page=2');
    expect(paged.body).toMatchObject({ total_count: 3, installations: [{ id: 502 }] });

    const outsider = await list(sim.oauth.issueUserToken('peter', ['repo']));
    expect(outsider.body).toEqual({ total_count: 0, installations: [] });

    const installation = sim.oauth.mintInstallationToken({ id: 504, account: 'hooli', suspended: false });
    expect((await list(installation.token)).status).toBe(403);
    sim.store.registerToken('ghp_personalaccesstoken000000000001', 'milton');
    const pat = await list('ghp_personalaccesstoken000000000001');
    expect(pat.status).toBe(403);
    expect(pat.body.message).toMatch(/authorized to a GitHub App/);
    expect((await list('gho_unknown')).status).toBe(401);
  });
});
