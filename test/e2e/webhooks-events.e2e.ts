import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, localIssue, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { WEBHOOK_ENV, type EventRow, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const REPOS = [{ owner: 'acme', name: 'web', issues: 6, comments: 0, pullRequests: 2 }];
const INSTALLATION = 4242;

/** pull_request, installation, installation_repositories, repository, ping and unknown deliveries. */
describe('webhook processing: pull requests, installations, repositories and the rest', () => {
  let system: TestSystem;
  let repoId: number;
  let issueNumber: number;
  let prNumber: number;

  beforeAll(async () => {
    system = await startSystem({ repos: REPOS, env: WEBHOOK_ENV });
    await seedWorkspace(system, ['acme/web']);
    await system.db.query('UPDATE workspace_integrations SET installation_id = $1', [INSTALLATION]);
    const web = system.sim.store.repo('acme', 'web');
    repoId = Number(web?.repo.id);
    const items = [...(web?.items.values() ?? [])];
    issueNumber = items.find((i) => !i.pull)?.number as number;
    prNumber = items.find((i) => i.pull)?.number as number;
  });

  afterAll(async () => {
    await system?.close();
  });

  async function send(event: string, payload: Record<string, unknown>): Promise<EventRow> {
    const sent = await deliver(system.apiUrl, { event, payload });
    expect(sent.status).toBe(202);
    return settled(system, sent.deliveryId);
  }

  it('ping is processed and changes nothing', async () => {
    const row = await send('ping', { zen: 'Design for failure.', hook_id: 12, hook: { id: 12 } });
    expect(row).toMatchObject({ status: 'processed', result: { zen: 'Design for failure.', hook_id: 12 } });
  });

  it('events it does not handle are ignored with the reason', async () => {
    const row = await send('star', { action: 'created', repository: { id: repoId, full_name: 'acme/web' } });
    expect(row).toMatchObject({
      status: 'ignored',
      action: 'created',
      result: { reason: 'star events are not handled' },
    });
  });

  it('a payload that does not fit fails at once with the message, without retries', async () => {
    const row = await send('issues', { action: 'opened', issue: { number: 1 }, repository: { id: repoId } });
    expect(row.status).toBe('failed');
    expect(row.error_message).toMatch(/invalid issues payload: issue/);
    expect(row.retry_count).toBe(1);
  });

  it('pull_request events record the pull request; a merge moves the issues it closes to done', async () => {
    await send(
      'issues',
      payloadFor(system.sim, {
        event: 'issues',
        action: 'opened',
        number: issueNumber,
        payload: { issue: { state: 'open', state_reason: null, closed_at: null, updated_at: at(10) } },
      }),
    );
    expect((await localIssue(system.db, 'acme/web', issueNumber))?.state).toBe('unstarted');
    const pr = (action: string, pull: Record<string, unknown>) =>
      send(
        'pull_request',
        payloadFor(system.sim, {
          event: 'pull_request',
          action,
          number: prNumber,
          payload: { pull_request: pull },
        }),
      );
    const body = `Fixes #${issueNumber}`;
    const opened = await pr('opened', {
      body,
      state: 'open',
      merged: false,
      merged_at: null,
      draft: true,
      updated_at: at(20),
    });
    expect(opened).toMatchObject({
      status: 'processed',
      result: { pull_requests: [{ number: prNumber, outcome: 'created' }] },
    });
    await pr('ready_for_review', {
      body,
      state: 'open',
      merged: false,
      merged_at: null,
      draft: false,
      updated_at: at(30),
    });
    const stored = async () => {
      const { rows } = await system.db.query(
        'SELECT state, draft, merged, linked_issue_numbers FROM github_pull_requests WHERE github_number = $1',
        [prNumber],
      );
      return rows[0] as { state: string; draft: boolean; merged: boolean; linked_issue_numbers: number[] };
    };
    expect(await stored()).toEqual({
      state: 'open',
      draft: false,
      merged: false,
      linked_issue_numbers: [issueNumber],
    });
    const steps: [string, Record<string, unknown>][] = [
      ['converted_to_draft', { draft: true }],
      ['synchronize', { draft: true }],
      ['labeled', { draft: true, labels: [{ name: 'ui' }] }],
      ['ready_for_review', { draft: false }],
      ['closed', { state: 'closed', merged: false, merged_at: null }],
      ['reopened', { state: 'open' }],
    ];
    for (const [i, [action, change]] of steps.entries()) {
      const open = { body, state: 'open', merged: false, merged_at: null, draft: false };
      const row = await pr(action, { ...open, ...change, updated_at: at(31 + i) });
      expect(row).toMatchObject({ status: 'processed', action });
      expect(await stored()).toMatchObject({ state: change.state ?? 'open', draft: change.draft ?? false });
    }
    expect((await localIssue(system.db, 'acme/web', issueNumber))?.state).toBe('unstarted');
    const merged = await pr('closed', {
      body,
      state: 'closed',
      merged: true,
      merged_at: at(40),
      draft: false,
      updated_at: at(40),
    });
    expect(merged.result).toMatchObject({
      pull_requests: [{ merged: true, linked_issue_numbers: [issueNumber] }],
    });
    expect(await stored()).toMatchObject({ state: 'closed', merged: true });
    expect((await localIssue(system.db, 'acme/web', issueNumber))?.state).toBe('done');
    const older = await pr('edited', {
      body,
      state: 'open',
      merged: false,
      merged_at: null,
      updated_at: at(25),
    });
    expect(older.result).toMatchObject({ pull_requests: [{ outcome: 'stale' }] });
    expect(await stored()).toMatchObject({ state: 'closed', merged: true });
  });

  it('installation events record the installation and link it to the integration by installation id', async () => {
    const installation = { id: INSTALLATION, account: { login: 'acme', type: 'Organization' } };
    const row = await send('installation', {
      action: 'created',
      installation,
      repositories: [{ id: repoId, full_name: 'acme/web' }],
      sender: { login: 'octocat' },
    });
    expect(row).toMatchObject({
      status: 'processed',
      result: { installation_id: INSTALLATION, account: 'acme' },
    });
    const read = async () => {
      const { rows } = await system.db.query(
        `SELECT account_login, account_type, suspended_at, deleted_at,
                workspace_integration_id = (SELECT id FROM workspace_integrations LIMIT 1) AS linked
         FROM github_installations WHERE installation_id = $1`,
        [INSTALLATION],
      );
      return rows[0] as {
        account_login: string;
        linked: boolean | null;
        suspended_at: Date | null;
        deleted_at: Date | null;
      };
    };
    expect(await read()).toMatchObject({
      account_login: 'acme',
      account_type: 'Organization',
      linked: true,
      deleted_at: null,
    });
    await send('installation', {
      action: 'suspend',
      installation: { ...installation, suspended_at: at(50) },
    });
    expect((await read()).suspended_at).toEqual(new Date(at(50)));
    await send('installation', { action: 'unsuspend', installation });
    expect((await read()).suspended_at).toBeNull();
    const repos = await send('installation_repositories', {
      action: 'removed',
      installation,
      repositories_added: [],
      repositories_removed: [{ id: repoId, full_name: 'acme/web' }],
    });
    expect(repos.result).toMatchObject({
      connected_repositories_removed: ['acme/web'],
      linked_integration_id: expect.any(String),
      syncs_disabled: 1,
    });
    // The installation no longer reaches it, so its sync stopped; an admin enables it again.
    await system.db.query('UPDATE github_repository_syncs SET enabled = true, disabled_reason = NULL');
    await send('installation', { action: 'deleted', installation });
    expect(await read()).toMatchObject({ linked: null, deleted_at: expect.any(Date) });
  });

  it('repository renamed / transferred keep the identity by GitHub id; deleted disables the sync', async () => {
    const repository = payloadFor(system.sim, { event: 'repository' })['repository'] as Record<
      string,
      unknown
    >;
    const identity = async () => {
      const { rows } = await system.db.query(
        `SELECT r.owner, r.name, r.html_url, rs.enabled FROM github_repositories r
         JOIN github_repository_syncs rs ON rs.repository_id = r.id WHERE r.github_id = $1`,
        [repoId],
      );
      return rows;
    };
    const renamed = await send('repository', {
      action: 'renamed',
      changes: { repository: { name: { from: 'web' } } },
      repository: {
        ...repository,
        name: 'website',
        full_name: 'acme/website',
        html_url: 'https://github.com/acme/website',
      },
    });
    expect(renamed.result).toMatchObject({
      repository: 'acme/website',
      previous: ['acme/web'],
      repositories_updated: 1,
    });
    expect(await identity()).toEqual([
      { owner: 'acme', name: 'website', html_url: 'https://github.com/acme/website', enabled: true },
    ]);
    await send('repository', {
      action: 'transferred',
      changes: { owner: { from: { user: { login: 'acme' } } } },
      repository: {
        ...repository,
        name: 'website',
        full_name: 'globex/website',
        owner: { login: 'globex', id: 9 },
      },
    });
    expect((await identity())[0]).toMatchObject({ owner: 'globex', name: 'website' });
    await send('repository', {
      action: 'deleted',
      repository: { ...repository, owner: { login: 'globex' }, name: 'website' },
    });
    expect((await identity())[0]).toMatchObject({ enabled: false });
    const { rows } = await system.db.query('SELECT count(*)::int AS n FROM github_repositories');
    expect(rows[0]).toEqual({ n: 1 });
  });
});
