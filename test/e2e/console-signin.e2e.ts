import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '#libs/config';
import { startApi } from '../../apps/api/src/bootstrap.js';
import { Browser, cookieAttributes, sha256 } from './support/browser.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

/** Sign-in links of the CLI, cookie attributes behind a proxy, and the queue dashboard with a session. */
describe('console sign-in links, Secure cookies behind TRUST_PROXY, queue dashboard with the session', () => {
  let system: TestSystem;
  let acme: Awaited<ReturnType<typeof seedWorkspace>>;
  const apps: INestApplication[] = [];

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false });
    acme = await seedWorkspace(system, []);
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await system?.close();
  });

  /** Another API process on the same database and Redis with changed settings; its origin. */
  async function api(change: Partial<AppConfig>): Promise<string> {
    const started = await startApi({ ...system.config, ...change }, 0);
    apps.push(started.app);
    return new URL(started.url).origin;
  }

  const origin = () => new URL(system.apiUrl).origin;

  async function signIn(base: string, token: string, headers: Record<string, string> = {}) {
    const browser = new Browser();
    const answer = await browser.request(`${base}/api/console/session`, {
      method: 'POST',
      body: { workspace: 'acme', token },
      headers,
    });
    expect(answer.status).toBe(201);
    return { browser, answer, csrf: String(answer.json.csrf_token) };
  }

  /** The link's URL on this test's API (the CLI prints it for API_PORT / PUBLIC_BASE_URL). */
  async function link(email = 'admin@acme.test'): Promise<URL> {
    const created = await system.admin.createSigninLink({ workspace: 'acme', email });
    const printed = new URL(created.url);
    expect(printed.pathname).toBe('/api/console/session/link');
    expect(printed.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.token_name).toBe('console sign-in link');
    return new URL(`${printed.pathname}${printed.search}`, origin());
  }

  it('opens a session from a single-use sign-in link and sends the browser to the console', async () => {
    const url = await link();
    const { rows } = await system.db.query<{ code_hash: string; ttl: number; name: string; exp: number }>(
      `SELECT l.code_hash, extract(epoch FROM l.expires_at - l.created_at) AS ttl, t.name,
              extract(epoch FROM t.expires_at - l.expires_at) AS exp
       FROM console_signin_links l JOIN api_tokens t ON t.id = l.api_token_id`,
    );
    expect(rows[0]?.code_hash).toBe(sha256(url.searchParams.get('code') ?? ''));
    expect(Number(rows[0]?.ttl)).toBeCloseTo(600, 0);
    expect(Number(rows[0]?.exp)).toBeCloseTo(8 * 3600, -1);
    const browser = new Browser();
    const opened = await browser.request(url.toString());
    expect(opened.status).toBe(303);
    expect(opened.location).toBe(`${origin()}/console/`);
    expect(cookieAttributes(opened.cookies[0] ?? '')).toMatchObject({ path: '/api/', samesite: 'Strict' });
    const me = await browser.request(`${system.apiUrl}/workspaces/acme/me/`);
    expect(me.json).toMatchObject({ user: { email: 'admin@acme.test', role: 'admin' } });

    const reused = await new Browser().request(url.toString());
    expect(reused.status).toBe(303);
    expect(reused.location).toBe(`${origin()}/console/?signin_error=link_expired`);
    expect(reused.cookies).toEqual([]);
    const unknown = await new Browser().request(`${system.apiUrl}/console/session/link?code=nope`);
    expect(unknown.location).toBe(`${origin()}/console/?signin_error=link_expired`);
    expect((await new Browser().request(`${system.apiUrl}/console/session/link`)).status).toBe(303);
  });

  it('refuses an expired sign-in link', async () => {
    const url = await link('member@acme.test');
    await system.db.query(
      `UPDATE console_signin_links SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`,
    );
    const expired = await new Browser().request(url.toString());
    expect(expired.location).toBe(`${origin()}/console/?signin_error=link_expired`);
    expect(expired.cookies).toEqual([]);
    const { rows } = await system.db.query<{ n: string }>('SELECT count(*) AS n FROM console_sessions');
    expect(Number(rows[0]?.n)).toBe(1); // only the first test's session
  });

  it('marks the cookie Secure and prefixes its path behind a trusted proxy, not for forged headers', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-prefix': '/lb' };
    const trusted = await api({ trustProxy: 1 });
    const behind = await signIn(trusted, acme.memberToken, forwarded);
    expect(cookieAttributes(behind.answer.cookies[0] ?? '')).toEqual({
      httponly: '',
      samesite: 'Strict',
      path: '/lb/api/',
      'max-age': '28800',
      secure: '',
    });
    const direct = await signIn(origin(), acme.memberToken, forwarded); // TRUST_PROXY=false
    expect(cookieAttributes(direct.answer.cookies[0] ?? '')).not.toHaveProperty('secure');
    expect(cookieAttributes(direct.answer.cookies[0] ?? '').path).toBe('/api/');
    const pinned = await api({ api: { ...system.config.api, publicBaseUrl: 'https://sync.example/tools' } });
    const https = await signIn(pinned, acme.memberToken);
    expect(cookieAttributes(https.answer.cookies[0] ?? '')).toMatchObject({
      path: '/tools/api/',
      secure: '',
    });
  });

  it('lets an admin session into the queue dashboard (under /api/admin/queues), with CSRF on actions', async () => {
    const base = await api({ queueDashboardWorkspaces: ['acme'], queueDashboardReadOnly: false });
    const dashboard = `${base}/api/admin/queues`;
    const admin = await signIn(base, acme.adminToken);
    const queues = await admin.browser.request(`${dashboard}/api/queues`);
    expect(queues.status).toBe(200);
    expect(JSON.stringify(queues.json)).toContain('github-sync');
    const member = await signIn(base, acme.memberToken);
    expect((await member.browser.request(`${dashboard}/api/queues`)).status).toBe(403);
    expect((await new Browser().request(`${dashboard}/api/queues`)).status).toBe(401);

    const retry = `${dashboard}/api/queues/github-sync/retry/failed`;
    const forged = await admin.browser.request(retry, {
      method: 'PUT',
      headers: { origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    expect(forged.json).toMatchObject({ error: { code: 'csrf_failed' } });
    const withCsrf = await admin.browser.request(retry, {
      method: 'PUT',
      headers: { 'x-csrf-token': admin.csrf },
    });
    expect(withCsrf.status).toBe(200);
    const sameOrigin = await admin.browser.request(retry, { method: 'PUT', headers: { origin: base } });
    expect(sameOrigin.status).toBe(200);

    const legacy = await fetch(`${base}/admin/queues/api/queues`, { redirect: 'manual' });
    expect(legacy.status).toBe(308);
    expect(legacy.headers.get('location')).toBe('/api/admin/queues/api/queues');
  });
});
