/** The system the OAuth connect specs share: the API against the simulated GitHub OAuth app, and its browser steps. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { SecretCipher } from '#libs/secrets';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { call, captureOutput } from './access-helpers.js';
import { Browser, type BrowserAnswer } from './support/browser.js';
import { type TestSystem, startSystem } from './support/system.js';

export const WEBHOOK_SECRET = 'whsec-oauth-e2e-0123456789abcdef';

export interface OAuthSystem {
  system: TestSystem;
  adminToken: string;
  memberToken: string;
  base: string;
  cipher: SecretCipher;
}

/**
 * Starts the system (debug logs captured, octocat/hello on the simulator, workspace acme with an admin and
 * a member) before the spec's tests and closes it after; hands it to `onStart` and answers the steps of a
 * console OAuth connection. `responses` collects what the API answered (for leak checks).
 */
export function useOAuthSystem(onStart: (started: OAuthSystem) => void) {
  const output = captureOutput();
  const responses: string[] = [];
  let system: TestSystem;
  let adminToken: string;
  const base = '/workspaces/acme/integrations/github-mcp';

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
    const memberToken = (await admin.createToken({ workspace: 'acme', email: 'member@acme.test', name: 't' }))
      .token;
    await admin.createProject({ workspace: 'acme', name: 'Hello', identifier: 'HEL' });
    const cipher = new SecretCipher(system.config.secrets.activeKeyId, system.config.secrets.keys);
    onStart({ system, adminToken, memberToken, base, cipher });
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

  return { output, responses, api, adminBrowser, authorize, consent, callback, integrations, stateHash };
}
