import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { call } from './access-helpers.js';
import { Browser, cookieAttributes, sha256 } from './support/browser.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

/** Console sessions: an API token exchanged for a cookie every API route accepts, with CSRF protection. */
describe('console sessions: sign in with an API token, cookie auth on every route, CSRF, sign out', () => {
  let system: TestSystem;
  let acme: Awaited<ReturnType<typeof seedWorkspace>>;
  let globex: Awaited<ReturnType<typeof seedWorkspace>>;
  const sync = '/workspaces/acme/integrations/github-mcp/sync/';

  beforeAll(async () => {
    system = await startSystem({ repos: [{ owner: 'acme', name: 'web', issues: 1 }], worker: false });
    acme = await seedWorkspace(system, ['acme/web']);
    globex = await seedWorkspace(system, [], 'globex');
  });

  afterAll(async () => {
    await system?.close();
  });

  const url = (path: string) => `${system.apiUrl}${path}`;

  async function signIn(token: string, workspace = 'acme') {
    const browser = new Browser();
    const answer = await browser.request(url('/console/session'), {
      method: 'POST',
      body: { workspace, token },
    });
    return { browser, answer, csrf: String(answer.json.csrf_token) };
  }

  const syncJobs = async () =>
    Number((await system.db.query<{ n: string }>('SELECT count(*) AS n FROM github_sync_jobs')).rows[0]?.n);

  it('signs in: 201 with workspace, user and CSRF token, and an HttpOnly SameSite=Strict cookie on /api/', async () => {
    const { browser, answer, csrf } = await signIn(acme.adminToken);
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      workspace: { slug: 'acme', name: 'Acme' },
      user: { id: expect.any(String), email: 'admin@acme.test', name: 'Admin', role: 'admin' },
      csrf_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      expires_at: expect.any(String),
    });
    const ttl = Date.parse(String(answer.json.expires_at)) - Date.now();
    expect(ttl).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(8 * 3600_000);
    expect(answer.cookies).toHaveLength(1);
    const line = answer.cookies[0] ?? '';
    expect(line).toMatch(/^ghsync_session=[A-Za-z0-9_-]{43};/);
    expect(cookieAttributes(line)).toEqual({
      httponly: '',
      samesite: 'Strict',
      path: '/api/',
      'max-age': '28800',
    });
    const sessionId = browser.cookie('ghsync_session') ?? '';
    const { rows } = await system.db.query<{ session_hash: string; csrf_hash: string; name: string }>(
      `SELECT s.session_hash, s.csrf_hash, t.name FROM console_sessions s
       JOIN api_tokens t ON t.id = s.api_token_id`,
    );
    expect(rows).toEqual([{ session_hash: sha256(sessionId), csrf_hash: sha256(csrf), name: 't' }]);

    const again = await browser.request(url('/console/session'));
    expect(again.status).toBe(200);
    expect(again.json).toEqual(answer.json);
    expect((await new Browser().request(url('/console/session'))).status).toBe(401);
  });

  it('refuses an unknown token and a token of another workspace with the same 401, and missing fields with 400', async () => {
    const foreign = await signIn(globex.adminToken, 'acme');
    const unknown = await signIn('gms_not-a-token-we-issued-000000000', 'acme');
    const nowhere = await signIn(acme.adminToken, 'does-not-exist');
    for (const refused of [foreign, unknown, nowhere]) {
      expect(refused.answer.status).toBe(401);
      expect(refused.answer.cookies).toEqual([]);
    }
    expect(foreign.answer.json).toEqual(unknown.answer.json);
    expect(nowhere.answer.json).toEqual(unknown.answer.json);
    expect(unknown.answer.json).toMatchObject({ error: { code: 'unauthorized' } });
    const noToken = await call(url('/console/session'), { method: 'POST', body: { workspace: 'acme' } });
    expect(noToken.status).toBe(400);
    expect(noToken.json).toMatchObject({ error: { code: 'bad_request', field: 'token' } });
    const noWorkspace = await call(url('/console/session'), { method: 'POST', body: { token: 'x' } });
    expect(noWorkspace.json).toMatchObject({ error: { field: 'workspace' } });
  });

  it('authenticates every route with the cookie; /me answers the same for Bearer and cookie', async () => {
    const { browser } = await signIn(acme.memberToken);
    const viaCookie = await browser.request(url('/workspaces/acme/me/'));
    const viaBearer = await call(url('/workspaces/acme/me/'), { token: acme.memberToken });
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.json).toEqual({
      workspace: { slug: 'acme', name: 'Acme' },
      user: { id: expect.any(String), email: 'member@acme.test', name: 'Member', role: 'member' },
      integration_enabled: true,
    });
    expect(viaBearer.json).toEqual(viaCookie.json);
    expect((await browser.request(url('/workspaces/acme/integrations/github-mcp/status/'))).status).toBe(200);
    expect((await browser.request(url('/workspaces/globex/me/'))).status).toBe(404);
    expect((await browser.request(url(sync), { method: 'POST', body: {} })).status).toBe(403);
  });

  it('refuses a state-changing cookie call without or with a wrong X-CSRF-Token (nothing happens), accepts the right one', async () => {
    const { browser, csrf } = await signIn(acme.adminToken);
    const before = await syncJobs();
    const attempts: Record<string, string>[] = [
      {},
      { 'x-csrf-token': 'wrong' },
      { 'x-csrf-token': `${csrf}x` },
    ];
    for (const headers of attempts) {
      const refused = await browser.request(url(sync), { method: 'POST', body: { force: true }, headers });
      expect(refused.status).toBe(403);
      expect(refused.json).toMatchObject({ error: { code: 'csrf_failed' } });
    }
    expect(await syncJobs()).toBe(before);
    const other = await signIn(acme.adminToken);
    const crossed = await browser.request(url(sync), {
      method: 'POST',
      headers: { 'x-csrf-token': other.csrf },
    });
    expect(crossed.status).toBe(403);
    const accepted = await browser.request(url(sync), {
      method: 'POST',
      body: { force: true },
      headers: { 'x-csrf-token': csrf },
    });
    expect(accepted.status).toBe(202);
    expect(await syncJobs()).toBe(before + 1);
    const bearer = await call(url(sync), { method: 'POST', token: acme.adminToken, body: { force: true } });
    expect([200, 202]).toContain(bearer.status); // Bearer calls need no CSRF header
  });

  it('lets a Bearer header win over the cookie', async () => {
    const { browser } = await signIn(acme.adminToken);
    const asMember = await browser.request(url('/workspaces/acme/me/'), {
      headers: { authorization: `Bearer ${acme.memberToken}` },
    });
    expect(asMember.json).toMatchObject({ user: { role: 'member' } });
    const bad = await browser.request(url('/workspaces/acme/me/'), {
      headers: { authorization: 'Bearer nope' },
    });
    expect(bad.status).toBe(401);
  });

  it('takes a demotion into account on the next request', async () => {
    await system.admin.addUser({ workspace: 'acme', email: 'ops@acme.test', name: 'Ops', role: 'admin' });
    const { token } = await system.admin.createToken({
      workspace: 'acme',
      email: 'ops@acme.test',
      name: 'c',
    });
    const { browser, csrf } = await signIn(token);
    const headers = { 'x-csrf-token': csrf };
    const audit = '/workspaces/acme/integrations/github-mcp/audit-logs/';
    expect((await browser.request(url(audit))).status).toBe(200);
    await system.admin.addUser({ workspace: 'acme', email: 'ops@acme.test', name: 'Ops', role: 'member' });
    expect((await browser.request(url(audit))).status).toBe(403);
    expect((await browser.request(url(sync), { method: 'POST', body: {}, headers })).status).toBe(403);
    expect((await browser.request(url('/console/session'))).json).toMatchObject({ user: { role: 'member' } });
  });

  it('ends the session when its token is revoked or its user removed', async () => {
    const created = await system.admin.createToken({
      workspace: 'acme',
      email: 'member@acme.test',
      name: 'r',
    });
    const { browser } = await signIn(created.token);
    const hash = sha256(browser.cookie('ghsync_session') ?? '');
    const rows = async () =>
      (await system.db.query('SELECT 1 FROM console_sessions WHERE session_hash = $1', [hash])).rowCount;
    expect((await browser.request(url('/workspaces/acme/me/'))).status).toBe(200);
    await system.admin.revokeToken({ workspace: 'acme', token: created.id });
    const after = await browser.request(url('/workspaces/acme/me/'));
    expect(after.status).toBe(401);
    expect(await rows()).toBe(0);

    await system.admin.addUser({ workspace: 'acme', email: 'temp@acme.test', name: 'Temp', role: 'admin' });
    const temp = await system.admin.createToken({ workspace: 'acme', email: 'temp@acme.test', name: 't' });
    const removed = await signIn(temp.token);
    await system.db.query(
      `DELETE FROM workspace_members WHERE user_id = (SELECT id FROM users WHERE email = 'temp@acme.test')`,
    );
    expect((await removed.browser.request(url('/console/session'))).status).toBe(401);
  });

  it('signs out with the CSRF token only: 204, cookie cleared, row deleted', async () => {
    const { browser, csrf } = await signIn(acme.memberToken);
    const sessionId = browser.cookie('ghsync_session') ?? '';
    const refused = await browser.request(url('/console/session'), { method: 'DELETE' });
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ error: { code: 'csrf_failed' } });
    const out = await browser.request(url('/console/session'), {
      method: 'DELETE',
      headers: { 'x-csrf-token': csrf },
    });
    expect(out.status).toBe(204);
    expect(cookieAttributes(out.cookies[0] ?? '')).toMatchObject({ 'max-age': '0', path: '/api/' });
    const { rowCount } = await system.db.query('SELECT 1 FROM console_sessions WHERE session_hash = $1', [
      sha256(sessionId),
    ]);
    expect(rowCount).toBe(0);
    const replay = new Browser();
    replay.jar.set('ghsync_session', sessionId);
    expect((await replay.request(url('/workspaces/acme/me/'))).status).toBe(401);
  });
});
