import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningSimulator } from '../src/index.js';
import { DEFAULT_OAUTH_CLIENT } from '../src/oauth/index.js';
import { callJson, connect, startTestSim } from './helpers.js';

const { clientId, clientSecret } = DEFAULT_OAUTH_CLIENT;
const REDIRECT = 'http://app.example/callback';
describe('simulated GitHub OAuth endpoints', () => {
  let sim: RunningSimulator;

  beforeAll(
    async () =>
      (sim = await startTestSim({ repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 0 }] })),
  );
  afterAll(() => sim.close());

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
});
