import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { call } from './access-helpers.js';
import { useOAuthSystem } from './oauth-helpers.js';
import { Browser, cookieAttributes } from './support/browser.js';
import type { TestSystem } from './support/system.js';

describe('OAuth connect: the single-use state and every way a callback is refused', () => {
  let system: TestSystem;
  let memberToken: string;
  let base: string;

  const { adminBrowser, authorize, consent, callback, integrations, stateHash } = useOAuthSystem(
    (started) => ({ system, memberToken, base } = started),
  );

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
});
