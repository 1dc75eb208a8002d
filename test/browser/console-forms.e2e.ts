import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { launchChromium, recordPage, seriousAxeViolations } from '../support/browser.js';
import { type TestSystem, startSystem, waitFor } from '../e2e/support/system.js';

/**
 * Every console form with bad input shows the API's `{error: {field, message}}` at the field and saves
 * nothing; then the edits that are allowed, the disconnect confirmation, and the integration-off banner.
 */
describe('the admin console: forms, edits and disconnect (Chromium)', () => {
  let system: TestSystem;
  let browser: Browser;
  let page: Page;
  let consoleUrl: string;
  let projectId: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'octocat', name: 'hello-world', issues: 12, comments: 6, pullRequests: 0 }],
    });
    const { admin } = system;
    await admin.createWorkspace('acme', 'Acme Inc');
    await admin.addUser({ workspace: 'acme', email: 'ada@acme.test', name: 'Ada', role: 'admin' });
    const token = (await admin.createToken({ workspace: 'acme', email: 'ada@acme.test', name: 'f' })).token;
    projectId = (await admin.createProject({ workspace: 'acme', name: 'Web', identifier: 'WEB' })).project_id;
    await admin.connectToken({ workspace: 'acme', token: DEFAULT_SIM_TOKEN });
    consoleUrl = system.apiUrl.replace(/\/api$/, '/console/');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    recordPage(page, 'forms');
    await page.goto(consoleUrl);
    await page.getByLabel('Workspace').fill('acme');
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name, exact: true });
  /** The error the API gave for the control labelled `label`, shown at that field. */
  const errorAt = (label: string) =>
    page.locator('.field-invalid', { has: page.getByLabel(label, { exact: true }) }).getByRole('alert');
  const count = async (sql: string) => Number((await system.db.query<{ n: string }>(sql)).rows[0]?.n);

  it('sign-in: a wrong token is refused with a message and no session', async () => {
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(consoleUrl);
    await other.getByLabel('Workspace').fill('acme');
    await other.getByLabel('API token').fill('gms_wrong');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('alert').waitFor();
    expect((await context.cookies()).some((c) => c.name === 'ghsync_session')).toBe(false);
    await context.close();
  });

  it('repository connect: a bad project identifier, interval and labels each show at their field', async () => {
    await nav('Repositories').click();
    await page.getByRole('button', { name: 'Connect octocat/hello-world' }).click();
    await page.getByLabel('Project name').fill('Bad');
    await page.getByLabel('Identifier').fill('not valid!');
    await page.getByRole('button', { name: 'Create project' }).click();
    await errorAt('Identifier').waitFor();
    await page.getByLabel('Identifier').fill('WEB');
    await page.getByRole('button', { name: 'Create project' }).click();
    await errorAt('Identifier')
      .filter({ hasText: /exist|taken|already/i })
      .waitFor();
    expect(await count("SELECT count(*) AS n FROM projects WHERE name = 'Bad'")).toBe(0);
    await page.getByLabel('Project', { exact: true }).selectOption({ label: 'Web (WEB)' });
    await page.getByLabel('Sync interval (seconds)').fill('5');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await errorAt('Sync interval (seconds)').waitFor();
    await page.getByLabel('Sync interval (seconds)').fill('300');
    await page.getByLabel('Only issues with these labels').fill('bug, BUG');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await errorAt('Only issues with these labels').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await count('SELECT count(*) AS n FROM github_repository_syncs')).toBe(0);
    await page.getByLabel('Only issues with these labels').fill('');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByRole('button', { name: 'Sync now octocat/hello-world' }).waitFor();
  });

  it('repository settings: edit and disable, then enable again', async () => {
    await page.getByRole('button', { name: 'Edit octocat/hello-world' }).click();
    await page.getByLabel('Direction').selectOption('bidirectional');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('cell', { name: 'bidirectional' }).waitFor();
    await page.getByRole('button', { name: 'Disable octocat/hello-world' }).click();
    await page.getByRole('button', { name: 'Enable octocat/hello-world' }).waitFor();
    expect(await count('SELECT count(*) AS n FROM github_repository_syncs WHERE NOT enabled')).toBe(1);
    await page.getByRole('button', { name: 'Enable octocat/hello-world' }).click();
    await page.getByRole('button', { name: 'Disable octocat/hello-world' }).waitFor();
  });

  it('issue edit and comment: an empty title and an empty comment are refused at the field', async () => {
    await waitFor('the first sync', async () =>
      (await count('SELECT count(*) AS n FROM issues')) > 0 ? true : undefined,
    );
    await nav('Issues').click();
    await page.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Edit', exact: true }).waitFor();
    const before = await page.getByLabel('Title').inputValue();
    await page.getByLabel('Title').fill('   ');
    await page.getByRole('button', { name: 'Save' }).click();
    await errorAt('Title').waitFor();
    expect(
      await count(`SELECT count(*) AS n FROM issues WHERE title = '${before.replaceAll("'", "''")}'`),
    ).toBe(1);
    await page.getByRole('button', { name: 'Comment' }).click();
    await errorAt('New comment').waitFor();
    await page.getByLabel('Title').fill(`${before} (edited in the console)`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: `${before} (edited in the console)` }).waitFor();
    await page.getByLabel('New comment').fill('Written in the console');
    await page.getByRole('button', { name: 'Comment' }).click();
    await page.getByText('Written in the console').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('disconnect asks first, says what stops and what stays, and then disconnects', async () => {
    await nav('Connect GitHub').click();
    await page.getByRole('button', { name: 'Disconnect GitHub…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Disconnect GitHub?' });
    await dialog.getByText('What stops').waitFor();
    await dialog.getByText('What stays').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await count("SELECT count(*) AS n FROM workspace_integrations WHERE status = 'connected'")).toBe(
      1,
    );
    await page.getByRole('button', { name: 'Disconnect GitHub…' }).click();
    await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await waitFor('the disconnect', async () =>
      (await count("SELECT count(*) AS n FROM workspace_integrations WHERE status = 'connected'")) === 0
        ? true
        : undefined,
    );
    expect(projectId).toBeTruthy();
  });
});

describe('the admin console with ENABLE_GITHUB_MCP_INTEGRATION=false (Chromium)', () => {
  let system: TestSystem;
  let browser: Browser;

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false, env: { ENABLE_GITHUB_MCP_INTEGRATION: 'false' } });
    await system.admin.createWorkspace('acme', 'Acme Inc');
    await system.admin.addUser({ workspace: 'acme', email: 'ada@acme.test', name: 'Ada', role: 'admin' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await system?.close();
  });

  it('shows a banner, not errors, and no connect controls', async () => {
    const token = (await system.admin.createToken({ workspace: 'acme', email: 'ada@acme.test', name: 'o' }))
      .token;
    const page = await browser.newPage();
    await page.goto(system.apiUrl.replace(/\/api$/, '/console/'));
    await page.getByLabel('Workspace').fill('acme');
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The GitHub integration is turned off on this deployment').waitFor();
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Connect GitHub' })
      .click();
    await page.getByRole('heading', { name: 'Connect GitHub' }).waitFor();
    expect(await page.getByRole('link', { name: 'Connect with GitHub' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
