import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { launchChromium, recordPage, screenshot, seriousAxeViolations } from '../support/browser.js';
import { type TestSystem, startSystem, waitFor } from '../e2e/support/system.js';

/**
 * What the console promises beyond the walk: a member sees no admin controls and a direct admin call is
 * refused; another workspace never appears; OAuth denial and an expired state end on a clear message; CSRF
 * without the token is refused; forms show the API's error at the field; connecting works by keyboard.
 */
describe('the admin console: roles, tenants, refusals, forms and keyboard (Chromium)', () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const tokens = { admin: '', member: '', rival: '' };
  let consoleUrl: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'octocat', name: 'hello-world', issues: 20, comments: 10, pullRequests: 0 }],
      env: (sim) => ({
        GITHUB_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
        GITHUB_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
        GITHUB_OAUTH_BASE_URL: sim.url,
        GITHUB_API_BASE_URL: sim.url,
      }),
    });
    const { admin } = system;
    for (const [slug, name] of [
      ['acme', 'Acme Inc'],
      ['rival', 'Rival Corp'],
    ] as const) {
      await admin.createWorkspace(slug, name);
      await admin.addUser({
        workspace: slug,
        email: `admin@${slug}.test`,
        name: `${name} admin`,
        role: 'admin',
      });
    }
    await admin.addUser({ workspace: 'acme', email: 'mo@acme.test', name: 'Mo', role: 'member' });
    tokens.admin = (
      await admin.createToken({ workspace: 'acme', email: 'admin@acme.test', name: 'a' })
    ).token;
    tokens.member = (await admin.createToken({ workspace: 'acme', email: 'mo@acme.test', name: 'm' })).token;
    tokens.rival = (
      await admin.createToken({ workspace: 'rival', email: 'admin@rival.test', name: 'r' })
    ).token;
    await admin.createProject({ workspace: 'rival', name: 'Secret', identifier: 'SEC' });
    consoleUrl = system.apiUrl.replace(/\/api$/, '/console/');
    browser = await launchChromium();
  });

  beforeEach(async () => {
    await context?.close();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    recordPage(page, 'access');
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  async function signIn(workspace: string, token: string): Promise<void> {
    await page.goto(consoleUrl);
    await page.getByLabel('Workspace').fill(workspace);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  }

  /** A link of the console's navigation. */
  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name, exact: true });

  /** A call from the page with its session cookie, as a script in the page could make it. */
  function pageFetch(path: string, init: { method: string; csrf?: boolean; body?: unknown }) {
    return page.evaluate(
      async ({ path: p, init: i }) => {
        const session = await (await fetch('../api/console/session')).json();
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (i.csrf) headers['X-CSRF-Token'] = (session as { csrf_token: string }).csrf_token;
        const res = await fetch(`../api${p}`, {
          method: i.method,
          headers,
          body: JSON.stringify(i.body ?? {}),
        });
        return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
      },
      { path, init },
    );
  }

  it('a member sees everything read-only, no admin controls, and a direct admin call is refused', async () => {
    await signIn('acme', tokens.member);
    await page.getByText('You are a member of this workspace').waitFor();
    expect(await page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await nav('Connect GitHub').click();
    await page.getByText('Only workspace admins connect GitHub.').waitFor();
    expect(await page.getByRole('link', { name: 'Connect with GitHub' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Connect token|Link installation/ }).count()).toBe(0);
    await nav('Sync').click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByRole('button', { name: /Sync now/ }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '14-member-sync');
    const direct = await pageFetch('/workspaces/acme/integrations/github-mcp/sync/', {
      method: 'POST',
      csrf: true,
    });
    expect(direct.status).toBe(403);
  });

  it("never shows another workspace: A's session gets 404 for B's routes", async () => {
    await signIn('acme', tokens.admin);
    expect(await page.getByText('Rival Corp').count()).toBe(0);
    const rival = await page.evaluate(async () => (await fetch('../api/workspaces/rival/projects/')).status);
    expect(rival).toBe(404);
    // A token of B cannot open a session for A.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Workspace').fill('acme');
    await page.getByLabel('API token').fill(tokens.rival);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('heading', { name: 'Overview' }).count()).toBe(0);
  });

  it('refuses a state-changing call without the CSRF token', async () => {
    await signIn('acme', tokens.admin);
    const refused = await pageFetch('/workspaces/acme/projects/', {
      method: 'POST',
      body: { name: 'Sneaky', identifier: 'SNK' },
    });
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
    const { rows } = await system.db.query("SELECT 1 FROM projects WHERE identifier = 'SNK'");
    expect(rows).toHaveLength(0);
  });

  it('OAuth denied at GitHub, and a state that expired meanwhile, end on a clear message in the console', async () => {
    await signIn('acme', tokens.admin);
    system.sim.oauth.deny = true;
    try {
      await nav('Connect GitHub').click();
      await page.getByRole('link', { name: 'Connect with GitHub' }).click();
      await page.getByText('GitHub authorization was denied: nothing was connected.').waitFor();
    } finally {
      system.sim.oauth.deny = false;
    }
    await screenshot(page, '15-oauth-denied');
    // GitHub answers after the 10 minutes: the state has expired when the callback arrives (a trigger
    // backdates the state as it is stored; the redirect hops of a navigation cannot be paused here).
    await system.db.query(`
      CREATE FUNCTION backdate_state() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.expires_at := now() - interval '1 minute'; RETURN NEW; END $$`);
    await system.db.query(
      'CREATE TRIGGER backdate BEFORE INSERT ON oauth_states FOR EACH ROW EXECUTE FUNCTION backdate_state()',
    );
    try {
      await page.getByRole('link', { name: 'Connect with GitHub' }).click();
      await page.getByText('took longer than 10 minutes and expired').waitFor();
    } finally {
      await system.db.query('DROP TRIGGER backdate ON oauth_states');
    }
    expect(page.url()).toContain('oauth_error=state_expired');
    const { rows } = await system.db.query(
      'SELECT 1 FROM workspace_integrations WHERE access_token_encrypted IS NOT NULL',
    );
    expect(rows).toHaveLength(0);
  });

  it('shows the API errors at their fields, and nothing is half saved', async () => {
    await signIn('acme', tokens.admin);
    await nav('Connect GitHub').click();
    await page.getByLabel('Installation id').fill('not-a-number');
    await page.getByRole('button', { name: 'Link installation' }).click();
    const installation = page.locator('.field-invalid', { has: page.getByLabel('Installation id') });
    await installation.getByRole('alert').waitFor();
    await page.getByLabel('GitHub token').fill('ghp_not-a-valid-token');
    await page.getByRole('button', { name: 'Connect token' }).click();
    const token = page.locator('.field-invalid', { has: page.getByLabel('GitHub token') });
    await token.getByRole('alert').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, '16-form-errors');
    const { rows } = await system.db.query(
      'SELECT 1 FROM workspace_integrations WHERE access_token_encrypted IS NOT NULL',
    );
    expect(rows).toHaveLength(0);
  });

  it('connects a token and a repository by keyboard alone', async () => {
    await page.goto(consoleUrl);
    await page.getByLabel('Workspace').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('acme');
    await page.keyboard.press('Tab');
    await page.keyboard.type(tokens.admin);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await nav('Connect GitHub').focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('GitHub token').focus();
    await page.keyboard.type(DEFAULT_SIM_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByText('Token connected.').waitFor();
    await nav('Repositories').focus();
    await page.keyboard.press('Enter');
    const connect = page.getByRole('button', { name: 'Connect octocat/hello-world' });
    await connect.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Project name').focus();
    await page.keyboard.type('Keys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('KEY');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // Create project
    await page
      .getByLabel('Project', { exact: true })
      .locator('option', { hasText: 'Keys (KEY)' })
      .waitFor({ state: 'attached' });
    await page.getByLabel('Project', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: 'Connect', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('row', { name: /octocat\/hello-world/ })
      .first()
      .waitFor();
    const rows = await waitFor('the mapping', async () => {
      const found = await system.db.query<{ project: string }>(
        'SELECT p.identifier AS project FROM github_repository_syncs s JOIN projects p ON p.id = s.project_id',
      );
      return found.rows.length > 0 ? found.rows : undefined;
    });
    expect(rows).toEqual([{ project: 'KEY' }]);
  });
});
