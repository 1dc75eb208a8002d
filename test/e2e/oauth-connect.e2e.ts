import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { SecretCipher, accessTokenBinding } from '#libs/secrets';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { call, captureOutput } from './access-helpers.js';
import { Browser, type BrowserAnswer, cookieAttributes } from './support/browser.js';
import { type TestSystem, startSystem, waitFor } from './support/system.js';

const PG_DUMP = '/usr/lib/postgresql/15/bin/pg_dump';
const WEBHOOK_SECRET = 'whsec-oauth-e2e-0123456789abcdef';

describe('connecting GitHub with OAuth (passport-github2 against the simulator) or a personal token', () => {
  const output = captureOutput();
  const responses: string[] = [];
  let system: TestSystem;
  let adminToken: string;
  let memberToken: string;
  let base: string;
  let cipher: SecretCipher;
  const oauthTokens: string[] = [];

  const api = (path: string, init: Parameters<typeof call>[1] = {}) =>
    call(`${system.apiUrl}${path}`, init, responses);

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'octocat', name: 'hello', issues: 12, comments: 6 }],
      env: (sim) => ({
        LOG_LEVEL: 'debug',
        GITHUB_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
        GITHUB_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
        GITHUB_OAUTH_BASE_URL: sim.url,
        GITHUB_API_BASE_URL: sim.url,
        GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
      }),
    });
    const { admin } = system;
    await admin.createWorkspace('acme', 'Acme');
    await admin.addUser({ workspace: 'acme', email: 'admin@acme.test', name: 'Admin', role: 'admin' });
    await admin.addUser({ workspace: 'acme', email: 'member@acme.test', name: 'Member', role: 'member' });
    adminToken = (await admin.createToken({ workspace: 'acme', email: 'admin@acme.test', name: 't' })).token;
    memberToken = (await admin.createToken({ workspace: 'acme', email: 'member@acme.test', name: 't' }))
      .token;
    await admin.createProject({ workspace: 'acme', name: 'Hello', identifier: 'HEL' });
    base = '/workspaces/acme/integrations/github-mcp';
    cipher = new SecretCipher(system.config.secrets.activeKeyId, system.config.secrets.keys);
  });

  afterAll(async () => {
    output.stop();
    await system?.close();
  });

  /** The admin's browser, signed in to the console (session cookie). */
  async function adminBrowser(): Promise<Browser> {
    const browser = new Browser();
    const signIn = await browser.request(`${system.apiUrl}/console/session`, {
      method: 'POST',
      body: { workspace: 'acme', token: adminToken },
    });
    expect(signIn.status).toBe(201);
    return browser;
  }

  /** The console navigates the browser to authorize: 302 to GitHub, and the ghsync_oauth cookie. */
  async function authorize(browser?: Browser): Promise<URL> {
    const answer = await (browser ?? (await adminBrowser())).request(
      `${system.apiUrl}${base}/oauth/authorize/`,
    );
    expect(answer.status).toBe(302);
    return new URL(answer.location ?? '');
  }

  /** Follows the authorization URL to the simulated GitHub; returns the callback URL it redirects to. */
  async function consent(authorizationUrl: URL): Promise<URL> {
    const res = await fetch(authorizationUrl, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return new URL(res.headers.get('location') ?? '');
  }

  /** The callback in `browser`: always a 303 to the console; returns the fragment's parameters. */
  async function callback(browser: Browser, url: URL): Promise<URLSearchParams & { answer: BrowserAnswer }> {
    const answer = await browser.request(url.toString());
    responses.push(JSON.stringify(answer));
    expect(answer.status).toBe(303);
    const location = new URL(answer.location ?? '');
    expect(location.origin + location.pathname).toBe(`${new URL(system.apiUrl).origin}/console/`);
    expect(location.hash.startsWith('#/connect?')).toBe(true);
    expect(answer.cookies.some((c) => c.startsWith('ghsync_oauth=;') && /Max-Age=0/.test(c))).toBe(true);
    return Object.assign(new URLSearchParams(location.hash.slice('#/connect?'.length)), { answer });
  }

  async function integrations() {
    const { rows } = await system.db.query<{
      id: string;
      auth_kind: string;
      token: string | null;
      updated_at: Date;
    }>('SELECT id, auth_kind, access_token_encrypted AS token, updated_at FROM workspace_integrations');
    return rows;
  }

  const stateHash = (url: URL) =>
    createHash('sha256')
      .update(url.searchParams.get('state') ?? '')
      .digest('hex');

  it('redirects the browser to GitHub with a single-use state (hash stored) bound to a ghsync_oauth cookie', async () => {
    const browser = await adminBrowser();
    const answer = await browser.request(`${system.apiUrl}${base}/oauth/authorize/`);
    expect(answer.status).toBe(302);
    const url = new URL(answer.location ?? '');
    expect(url.origin + url.pathname).toBe(`${system.sim.url}/login/oauth/authorize`);
    expect(url.searchParams.get('client_id')).toBe(DEFAULT_OAUTH_CLIENT.clientId);
    expect(url.searchParams.get('scope')).toBe('repo read:user user:email');
    expect(url.searchParams.get('redirect_uri')).toBe(`${system.apiUrl}/auth/github/callback`);
    expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const line = answer.cookies.find((c) => c.startsWith('ghsync_oauth=')) ?? '';
    expect(cookieAttributes(line)).toEqual({
      httponly: '',
      samesite: 'Lax',
      path: '/api/auth/github/',
      'max-age': '600',
    });
    const nonce = browser.cookie('ghsync_oauth') ?? '';
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(nonce).not.toBe(url.searchParams.get('state'));
    const { rows } = await system.db.query<{ nonce_hash: string; ttl: number; user_email: string }>(
      `SELECT s.nonce_hash, extract(epoch FROM s.expires_at - s.created_at) AS ttl, u.email AS user_email
       FROM oauth_states s JOIN users u ON u.id = s.user_id WHERE s.state_hash = $1`,
      [stateHash(url)],
    );
    expect(rows[0]?.nonce_hash).toBe(createHash('sha256').update(nonce).digest('hex'));
    expect(Number(rows[0]?.ttl)).toBeCloseTo(600, 0);
    expect(rows[0]?.user_email).toBe('admin@acme.test');
    expect((await authorize(browser)).searchParams.get('state')).not.toBe(url.searchParams.get('state'));
    expect((await call(`${system.apiUrl}${base}/oauth/authorize/`, { token: memberToken })).status).toBe(403);
  });

  it("ends in state_mismatch when A's authorize URL is opened in B's browser (issue 17 item 2): nothing stored, state burnt", async () => {
    const url = await authorize(); // admin A's browser gets the cookie …
    const victim = new Browser(); // … B's browser, sent the link, has none
    const mismatch = await callback(victim, await consent(url));
    expect(mismatch.get('oauth_error')).toBe('state_mismatch');
    const forged = new Browser();
    forged.jar.set('ghsync_oauth', 'x'.repeat(43));
    const wrongCookie = await callback(forged, await consent(await authorize()));
    expect(wrongCookie.get('oauth_error')).toBe('state_mismatch');
    const { rows } = await system.db.query<{ used: boolean }>(
      'SELECT used_at IS NOT NULL AS used FROM oauth_states WHERE state_hash = $1',
      [stateHash(url)],
    );
    expect(rows[0]?.used).toBe(true);
    expect(await integrations()).toEqual([]);
  });

  it('sends denied consent to the console as access_denied and burns the state; nothing is stored', async () => {
    system.sim.oauth.deny = true;
    try {
      const browser = await adminBrowser();
      const back = await consent(await authorize(browser));
      expect(back.searchParams.get('error')).toBe('access_denied');
      expect((await callback(browser, back)).get('oauth_error')).toBe('access_denied');
      const { rows } = await system.db.query<{ used: boolean }>(
        'SELECT used_at IS NOT NULL AS used FROM oauth_states WHERE state_hash = $1',
        [stateHash(back)],
      );
      expect(rows[0]?.used).toBe(true);
    } finally {
      system.sim.oauth.deny = false;
    }
    expect(await integrations()).toEqual([]);
  });

  it('sends a missing, unknown, expired or reused state and a refused code to the console with its code; nothing is stored', async () => {
    const browser = await adminBrowser();
    const at = (query: string) => new URL(`${system.apiUrl}/auth/github/callback?${query}`);
    expect((await callback(browser, at('code=abc'))).get('oauth_error')).toBe('state_invalid');
    expect((await callback(browser, at('code=abc&state=not-ours'))).get('oauth_error')).toBe('state_invalid');

    const expiring = await consent(await authorize(browser));
    await system.db.query(
      `UPDATE oauth_states SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`,
    );
    expect((await callback(browser, expiring)).get('oauth_error')).toBe('state_expired');

    const back = await consent(await authorize(browser));
    back.searchParams.set('code', 'ffffffffffffffffffff');
    expect((await callback(browser, back)).get('oauth_error')).toBe('code_rejected');
    expect((await callback(browser, back)).get('oauth_error')).toBe('state_invalid');
    expect(await integrations()).toEqual([]);
  });

  it('exchanges the code, stores the token encrypted with the scopes and login, and sends the browser to the console', async () => {
    const browser = await adminBrowser();
    const back = await consent(await authorize(browser));
    expect(back.origin + back.pathname).toBe(`${system.apiUrl}/auth/github/callback`);
    const connected = await callback(browser, back);
    expect(Object.fromEntries(connected)).toEqual({ oauth: 'connected', login: 'octocat' });
    expect(browser.cookie('ghsync_oauth')).toBeUndefined();
    const [row] = await integrations();
    expect(row?.auth_kind).toBe('oauth');
    expect(row?.token).toMatch(/^v2:k1:/);
    const token = cipher.decrypt(String(row?.token), accessTokenBinding(String(row?.id)));
    oauthTokens.push(token);
    expect(token).toMatch(/^gho_/);
    expect(system.sim.store.userForToken(token)?.login).toBe('octocat');
    const status = await call(`${system.apiUrl}${base}/status/`, { token: memberToken });
    expect(JSON.stringify(status.json)).toContain('octocat');

    expect((await callback(browser, back)).get('oauth_error')).toBe('state_invalid');
    expect((await integrations())[0]?.token).toBe(row?.token);

    const { rows } = await system.db.query<{
      actor: string;
      ip: string;
      ua: string;
      details: Record<string, unknown>;
    }>(
      `SELECT u.email AS actor, a.ip_address AS ip, a.user_agent AS ua, a.details
       FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_user_id WHERE a.action = 'integration.oauth_connected'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'admin@acme.test',
      details: { via: 'oauth_callback', github_login: 'octocat' },
    });
    expect(rows[0]?.ip).toMatch(/127\.0\.0\.1/);
    expect(rows[0]?.ua).toBeTruthy();
  });

  it('uses the OAuth token for MCP: lists the repositories the identity reaches and syncs one', async () => {
    const listed = await api(`${base}/repositories/`, { token: memberToken });
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({
      owner: 'octocat',
      total: 1,
      results: [{ full_name: 'octocat/hello', connected: false }],
    });
    const { rows } = await system.db.query<{ id: string }>('SELECT id FROM projects');
    const connected = await api(`${base}/connect/`, {
      method: 'POST',
      token: adminToken,
      body: { repository: 'octocat/hello', project_id: rows[0]?.id },
    });
    expect(connected.status).toBe(201);
    const jobId = String((connected.json.sync_job as { job_id: string }).job_id);
    const done = await waitFor('first sync', async () => {
      const job = await api(`${base}/sync-jobs/${jobId}/`, { token: memberToken });
      return ['completed', 'failed'].includes(String(job.json.status)) ? job.json : undefined;
    });
    expect(done).toMatchObject({ status: 'completed', trigger: 'connect' });
  });

  it('connects a personal access token instead (same encryption) and revokes the replaced OAuth token', async () => {
    const bad = await api(`${base}/credentials/token/`, {
      method: 'PUT',
      token: adminToken,
      body: { token: 'ghp_unknown000000000000000000000000000' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { field: 'token' } });
    expect(bad.text).not.toContain('ghp_unknown000000000000000000000000000');
    expect(
      (await api(`${base}/credentials/token/`, { method: 'PUT', token: memberToken, body: {} })).status,
    ).toBe(403);

    const pat = await api(`${base}/credentials/token/`, {
      method: 'PUT',
      token: adminToken,
      body: { token: DEFAULT_SIM_TOKEN },
    });
    expect(pat.status).toBe(200);
    expect(pat.json).toMatchObject({ integration: { auth_kind: 'token', github_login: 'octocat' } });
    const [row] = await integrations();
    expect(cipher.decrypt(String(row?.token), accessTokenBinding(String(row?.id)))).toBe(DEFAULT_SIM_TOKEN);
    expect(system.sim.store.userForToken(oauthTokens[0] ?? '')).toBeUndefined();
    const sync = await api(`${base}/sync/`, { method: 'POST', token: adminToken, body: { force: true } });
    expect(sync.status).toBe(202);
    await waitFor('sync with the personal token', async () => {
      const job = await api(`${base}/sync-jobs/${String(sync.json.job_id)}/`, { token: adminToken });
      return job.json.status === 'completed' ? true : undefined;
    });
  });

  it('never lets a token or secret reach the logs, API responses, job payloads or the database in plaintext', async () => {
    const secrets = [
      ...oauthTokens,
      DEFAULT_SIM_TOKEN,
      adminToken,
      memberToken,
      DEFAULT_OAUTH_CLIENT.clientSecret,
      WEBHOOK_SECRET,
      Buffer.from(system.config.secrets.keys.get('k1') ?? '').toString('base64'),
    ];
    expect(secrets.every((s) => s.length >= 16)).toBe(true);
    const { stdout: dump } = await promisify(execFile)(PG_DUMP, ['--data-only', system.config.databaseUrl], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(dump).toContain('oauth_connected'); // the dump holds this scenario's data
    const redis = new Redis(system.config.redisUrl);
    const jobs: string[] = [];
    for (const key of await redis.keys(`*${system.config.queue.prefix}*`)) {
      if ((await redis.type(key)) === 'hash') jobs.push(JSON.stringify(await redis.hgetall(key)));
    }
    redis.disconnect();
    expect(jobs.join('\n')).toContain('syncJobId');
    const logs = output.text();
    expect(logs.length).toBeGreaterThan(1000); // debug logs of API and worker were captured
    const haystacks = { logs, responses: responses.join('\n'), database: dump, jobs: jobs.join('\n') };
    const leaks = Object.entries(haystacks).flatMap(([where, text]) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret.slice(0, 6)}…`),
    );
    expect(leaks).toEqual([]);
  });
});
