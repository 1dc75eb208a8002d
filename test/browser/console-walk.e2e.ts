import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { launchChromium, recordPage, screenshot, seriousAxeViolations } from '../support/browser.js';
import { type TestSystem, startSystem, waitFor } from '../e2e/support/system.js';

const SECRET = 'whsec-console-walk-0123456789abcdef';

/**
 * The integration's acceptance walk in a real browser (Chromium through playwright-core) against the real
 * API, worker, Postgres, Redis and the simulator: sign in → Connect GitHub (OAuth through the simulator) →
 * find and connect a repository → Sync now with live progress to 100 % → issues → an edit on GitHub
 * arrives by webhook → the delivery is processed → Replay. Every page is checked with axe and pictured.
 */
describe('the admin console: the acceptance walk in Chromium', () => {
  let system: TestSystem;
  let browser: Browser;
  let page: Page;
  let adminToken: string;
  let consoleUrl: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'octocat', name: 'hello-world', issues: 400, comments: 200, pullRequests: 0 }],
      env: (sim) => ({
        GITHUB_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
        GITHUB_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
        GITHUB_OAUTH_BASE_URL: sim.url,
        GITHUB_API_BASE_URL: sim.url,
        GITHUB_WEBHOOK_SECRET: SECRET,
        WEBHOOK_RELAY_INTERVAL_MS: '200',
        GITHUB_MCP_MAX_SYNC_BATCH_SIZE: '25',
      }),
    });
    const { admin } = system;
    await admin.createWorkspace('acme', 'Acme Inc');
    await admin.addUser({ workspace: 'acme', email: 'ada@acme.test', name: 'Ada', role: 'admin' });
    adminToken = (await admin.createToken({ workspace: 'acme', email: 'ada@acme.test', name: 'walk' })).token;
    system.sim.webhooks.addHook({ url: `${system.apiUrl}/webhooks/github-mcp/`, secret: SECRET });
    consoleUrl = system.apiUrl.replace(/\/api$/, '/console/');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    recordPage(page, 'walk');
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  async function checkPage(name: string): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  it('signs in with an API token: the session is an HttpOnly cookie and the token is kept nowhere', async () => {
    await page.goto(consoleUrl);
    await page.getByRole('heading', { name: 'GitHub MCP Sync' }).waitFor();
    await checkPage('01-sign-in');
    await page.getByLabel('Workspace').fill('acme');
    await page.getByLabel('API token').fill(adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'ghsync_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/' });
    const stored = await page.evaluate(() => {
      const g = globalThis as unknown as { localStorage: object; sessionStorage: object };
      return JSON.stringify({ ...g.localStorage, ...g.sessionStorage });
    });
    expect(stored).not.toContain(adminToken);
    expect(await page.content()).not.toContain(adminToken);
    expect(page.url()).not.toContain(adminToken);
    await checkPage('02-overview-not-connected');
  });

  it('connects GitHub with OAuth through the simulator and lands back in the console', async () => {
    await page.getByRole('link', { name: 'Connect GitHub' }).first().click();
    await page.getByRole('heading', { name: 'Connect GitHub' }).waitFor();
    await checkPage('03-connect');
    await page.getByRole('link', { name: 'Connect with GitHub' }).click();
    await page.getByText('Connected to GitHub as').waitFor();
    expect(page.url()).toContain('/console/#/connect?oauth=connected');
    expect(await page.getByRole('status').first().textContent()).toContain('octocat');
    await checkPage('04-connected');
  });

  it('finds the repository, connects it to a new project with settings, and syncs it with live progress', async () => {
    await page.getByRole('link', { name: 'Repositories' }).click();
    await page.getByRole('heading', { name: 'Find a repository' }).waitFor();
    await page.getByRole('button', { name: 'Connect octocat/hello-world' }).click();
    await page.getByLabel('Project name').fill('Hello');
    await page.getByLabel('Identifier').fill('HEL');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page
      .getByLabel('Project', { exact: true })
      .locator('option', { hasText: 'Hello (HEL)' })
      .waitFor({ state: 'attached' });
    await page.getByLabel('Project', { exact: true }).selectOption({ label: 'Hello (HEL)' });
    await page.getByLabel('Direction').selectOption('bidirectional');
    await page.getByLabel('Sync interval (seconds)').fill('600');
    await checkPage('05-repository-connect-form');
    // Slow GitHub down a little so the progress is seen moving.
    system.sim.faults.add({ tool: 'list_issues', mode: 'latency', latencyMs: 250 });
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page
      .getByRole('row', { name: /octocat\/hello-world/ })
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Sync', exact: true }).click();
    await page.getByText('Live updates: connected').waitFor();
    const seen = new Set<number>();
    await waitFor(
      'the sync to reach 100 %',
      async () => {
        const value = await page
          .locator('progress')
          .first()
          .getAttribute('value')
          .catch(() => null);
        if (value !== null) seen.add(Number(value));
        const done = await page.getByRole('cell', { name: 'completed' }).count();
        return done > 0 ? true : undefined;
      },
      90_000,
    );
    system.sim.faults.clear();
    await checkPage('06-sync');
    const jobLink = page.getByRole('table').getByRole('link').first();
    await jobLink.click();
    await page.getByRole('heading', { name: /Sync job/ }).waitFor();
    await page.getByText('100%').first().waitFor();
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    await checkPage('07-job');
    // Pushed, not polled: the workspace stream delivered intermediate values.
    expect([...seen].some((v) => v > 0 && v < 100)).toBe(true);
  }, 120_000);

  it('shows the synced issues, and a GitHub edit arrives by webhook as a processed delivery', async () => {
    await page.getByRole('link', { name: 'Issues' }).click();
    await page.getByRole('heading', { name: 'Issues' }).waitFor();
    await page.getByRole('row').nth(5).waitFor();
    await checkPage('08-issues');
    // The first issue of the list, by its GitHub link (`octocat/hello-world#<n>`).
    const link = await page
      .getByRole('table')
      .getByRole('link', { name: /hello-world#\d+/ })
      .first()
      .textContent();
    const number = Number(/#(\d+)/.exec(link ?? '')?.[1]);
    const { store } = system.sim;
    const repo = store.requireRepo('octocat', 'hello-world');
    const first = repo.items.get(number);
    if (!first) throw new Error(`no GitHub issue #${number}`);
    store.updateIssue(
      repo,
      first.number,
      { title: 'Edited on GitHub: arrives by webhook' },
      store.ensureUser('mona'),
    );
    await page.getByRole('link', { name: 'Webhook deliveries' }).click();
    await page.getByRole('cell', { name: 'issues.edited' }).first().waitFor({ timeout: 30_000 });
    let seen = '';
    await waitFor(
      'the delivery to be processed',
      async () => {
        await page.reload();
        seen =
          (await page
            .getByRole('row', { name: /issues\.edited/ })
            .first()
            .textContent()) ?? '';
        return /processed/.test(seen) ? true : undefined;
      },
      120_000,
    ).catch((error: unknown) => {
      throw new Error(`${(error as Error).message}; its row reads: ${seen}`, { cause: error });
    });
    await checkPage('09-webhooks');
    await page
      .getByRole('row', { name: /issues\.edited/ })
      .first()
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: /Delivery/ }).waitFor();
    await checkPage('10-webhook-detail');
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Replay queued.').waitFor();
    await page.getByRole('link', { name: 'Issues' }).click();
    await page.getByRole('link', { name: 'Edited on GitHub: arrives by webhook' }).click();
    await page.getByRole('heading', { name: 'Edited on GitHub: arrives by webhook' }).waitFor();
    await checkPage('11-issue');
  }, 200_000);

  it("shows each closed issue's milestone as GitHub has it (brought in by the sync's search pages)", async () => {
    const repo = system.sim.store.requireRepo('octocat', 'hello-world');
    const titleOf = (number: number) => {
      const milestone = repo.items.get(number)?.milestone ?? null;
      return repo.milestones.find((m) => m.number === milestone)?.title ?? '—';
    };
    await page.getByRole('link', { name: 'Issues', exact: true }).click();
    await page.getByRole('heading', { name: 'Issues' }).waitFor();
    await page.getByLabel('State').selectOption('done');
    // Every row of the page: the milestone column says what GitHub says (a seeded issue has one of 3, or none).
    const shown = await waitFor('the list of done issues', async () => {
      const rows = await page.getByRole('table').getByRole('row').all();
      const read: { number: number; state: string; milestone: string }[] = [];
      for (const row of rows.slice(1)) {
        const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
        const number = Number(/#(\d+)$/.exec(cells.at(-1) ?? '')?.[1]);
        read.push({ number, state: cells[1] ?? '', milestone: cells[2] ?? '' });
      }
      // The unfiltered list may still be shown until the filtered answer arrives.
      const done = read.length > 5 && read.every((r) => r.state === 'done');
      return done ? read.map(({ number, milestone }) => ({ number, milestone })) : undefined;
    });
    expect(shown.length).toBeGreaterThan(5);
    expect(shown).toEqual(shown.map(({ number }) => ({ number, milestone: titleOf(number) })));
    const withMilestone = shown.find((s) => s.milestone !== '—');
    if (!withMilestone)
      throw new Error(`no closed issue with a milestone on the page: ${JSON.stringify(shown)}`);
    await checkPage('14-issues-done-milestones');
    await page
      .getByRole('row', { name: new RegExp(`hello-world#${withMilestone.number}\\b`) })
      .getByRole('link')
      .first()
      .click();
    await page.getByText(`milestone ${withMilestone.milestone}`).waitFor();
    await checkPage('15-issue-milestone');
  });

  it('shows the overview with the connection, last syncs, webhook health and write budget; the audit log', async () => {
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByText('Connected', { exact: true }).waitFor();
    expect(await page.getByText('OAuth (a GitHub user)').count()).toBe(1);
    await checkPage('12-overview');
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await checkPage('13-audit');
  });

  it('signs out: the session ends', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const status = await page.evaluate(async () => (await fetch('../api/console/session')).status);
    expect(status).toBe(401);
  });
});
