import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningSimulator } from '../src/index.js';
import { DEFAULT_OAUTH_CLIENT } from '../src/oauth/index.js';
import { callJson, connect, startTestSim } from './helpers.js';

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
const REDIRECT = 'http://app.example/callback';

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

describe('simulated GitHub OAuth and App endpoints', () => {
  let sim: RunningSimulator;
  const keys = rsaKeys();

  beforeAll(async () => {
    sim = await startTestSim({ repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 0 }] });
  });
  afterAll(async () => {
    await sim.close();
  });

  async function authorize(state = 's1', scope = 'repo read:user user:email') {
    const url = new URL(`${sim.url}/login/oauth/authorize`);
    url.search = new URLSearchParams({
      client_id: clientId,
      redirect_uri: REDIRECT,
      scope,
      state,
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: new URL(res.headers.get('location') ?? 'http://none/') };
  }

  async function exchange(body: Record<string, string>, json = true) {
    const res = await fetch(`${sim.url}/login/oauth/access_token`, {
      method: 'POST',
      headers: json
        ? { 'content-type': 'application/json', accept: 'application/json' }
        : { 'content-type': 'application/x-www-form-urlencoded' },
      body: json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
    });
    const text = await res.text();
    return json
      ? (JSON.parse(text) as Record<string, string>)
      : Object.fromEntries(new URLSearchParams(text));
  }

  it('approves as the configured user, exchanges the code once, and the token works for REST and MCP', async () => {
    const { status, location } = await authorize('xyz');
    expect(status).toBe(302);
    expect(location.origin + location.pathname).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('xyz');
    const code = location.searchParams.get('code') ?? '';
    const form = { client_id: clientId, client_secret: clientSecret, code, redirect_uri: REDIRECT };
    const granted = await exchange(form, false);
    expect(granted).toMatchObject({ scope: 'repo,read:user,user:email', token_type: 'bearer' });
    expect(granted.access_token).toMatch(/^gho_[A-Za-z0-9]{36}$/);
    expect(await exchange(form)).toMatchObject({ error: 'bad_verification_code' });

    const auth = { authorization: `token ${granted.access_token}` };
    const user = await fetch(`${sim.url}/user`, { headers: auth });
    expect(user.headers.get('x-oauth-scopes')).toBe('repo, read:user, user:email');
    expect(await user.json()).toMatchObject({ login: 'octocat', id: 583231, type: 'User' });
    const emails = (await (await fetch(`${sim.url}/user/emails`, { headers: auth })).json()) as unknown[];
    expect(emails[0]).toMatchObject({ email: 'octocat@github.com', primary: true, verified: true });
    const client = await connect(sim, granted.access_token);
    expect(await callJson(client, 'get_me', {})).toMatchObject({ login: 'octocat' });
    await client.close();
  });

  it('refuses bad client credentials, mismatched redirects, unknown tokens and missing email scope', async () => {
    const code = (await authorize('a', 'repo')).location.searchParams.get('code') ?? '';
    expect(await exchange({ client_id: clientId, client_secret: 'nope', code })).toMatchObject({
      error: 'incorrect_client_credentials',
    });
    const mismatch = { client_id: clientId, client_secret: clientSecret, code, redirect_uri: 'http://evil/' };
    expect(await exchange(mismatch)).toMatchObject({ error: 'redirect_uri_mismatch' });
    const repoOnly = await exchange({
      client_id: clientId,
      client_secret: clientSecret,
      code: (await authorize('b', 'repo')).location.searchParams.get('code') ?? '',
    });
    const emails = await fetch(`${sim.url}/user/emails`, {
      headers: { authorization: `Bearer ${repoOnly.access_token}` },
    });
    expect(emails.status).toBe(404);
    const bad = await fetch(`${sim.url}/user`, { headers: { authorization: 'token gho_unknown' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ message: 'Bad credentials' });
  });

  it('denies consent when told to, and logs in as another configured user', async () => {
    const admin = (body: unknown) =>
      fetch(`${sim.url}/_admin/oauth/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await admin({ deny: true })).status).toBe(200);
    const denied = await authorize('d');
    expect(denied.location.searchParams.get('error')).toBe('access_denied');
    expect(denied.location.searchParams.get('state')).toBe('d');
    expect(denied.location.searchParams.get('code')).toBeNull();
    await admin({ deny: false, login: 'mona' });
    const code = (await authorize()).location.searchParams.get('code') ?? '';
    const granted = await exchange({ client_id: clientId, client_secret: clientSecret, code });
    const me = await fetch(`${sim.url}/user`, {
      headers: { authorization: `token ${granted.access_token}` },
    });
    expect(await me.json()).toMatchObject({ login: 'mona' });
    await admin({ login: 'octocat' });
  });

  it('revokes an OAuth token through DELETE /applications/{client_id}/token', async () => {
    const code = (await authorize()).location.searchParams.get('code') ?? '';
    const { access_token: token } = await exchange({
      client_id: clientId,
      client_secret: clientSecret,
      code,
    });
    const revoke = (secret: string) =>
      fetch(`${sim.url}/applications/${clientId}/token`, {
        method: 'DELETE',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
        },
        body: JSON.stringify({ access_token: token }),
      });
    expect((await revoke('wrong')).status).toBe(401);
    expect((await revoke(clientSecret)).status).toBe(204);
    expect((await fetch(`${sim.url}/user`, { headers: { authorization: `token ${token}` } })).status).toBe(
      401,
    );
    expect((await revoke(clientSecret)).status).toBe(404);
  });

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
