import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { IntegrationRepository, type RepositorySyncWithRepo } from '#libs/db';
import { type GitHubMcpClient, GitHubMcpClientFactory } from '#libs/github-mcp';
import { PullRequestRecorder, PullRequestSync, shouldListPullRequests } from '#libs/sync';
import { DEFAULT_SIM_TOKEN, type SimIssue } from '../../apps/github-sim/src/index.js';
import { type Rest, auditActions, rest, simIssue, syncNow } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const REPO = { owner: 'acme', name: 'web', issues: 15, comments: 10, pullRequests: 8 };

describe('pull requests: recorded, linked by closing keywords, merged → done', () => {
  let system: TestSystem;
  let api: Rest;
  let worker: INestApplicationContext;
  let factory: GitHubMcpClientFactory;
  let client: GitHubMcpClient;
  let repoSync: RepositorySyncWithRepo;
  let prSync: PullRequestSync;
  let recorder: PullRequestRecorder;

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO] });
    const seeded = await seedWorkspace(system, ['acme/web']);
    api = rest(system.apiUrl, seeded.adminToken);
    expect((await syncNow(api)).status).toBe('completed');
    worker = await system.startWorker();
    prSync = worker.get(PullRequestSync, { strict: false });
    recorder = worker.get(PullRequestRecorder, { strict: false });
    const { rows } = await system.db.query<{ id: string }>('SELECT id FROM github_repository_syncs');
    repoSync = (await worker.get(IntegrationRepository, { strict: false }).findRepositorySync(rows[0]!.id))!;
    factory = new GitHubMcpClientFactory({
      serverUrl: system.sim.mcpUrl,
      timeoutMs: 10_000,
      maxRetries: 0,
      retryDelayMs: 10,
    });
    client = factory.forToken(DEFAULT_SIM_TOKEN);
  });

  afterAll(async () => {
    await factory?.closeAll();
    await system?.close();
  });

  const state = () => system.sim.store.repo('acme', 'web')!;
  const rowsOf = async () =>
    (
      await system.db.query<{
        github_number: number;
        merged: boolean;
        linked_issue_numbers: number[];
        state: string;
      }>(
        'SELECT github_number, merged, linked_issue_numbers, state FROM github_pull_requests ORDER BY github_number',
      )
    ).rows;
  async function admin(path: string, body: unknown): Promise<SimIssue> {
    const res = await fetch(`${system.sim.url}/_admin/repos/acme/web${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
    return (await res.json()) as SimIssue;
  }
  /** A GitHub issue that is open on both sides. */
  async function openIssue(): Promise<SimIssue> {
    for (const issue of state().items.values()) {
      if (!issue.pull && issue.state === 'open' && (await localIssue(issue.number)).state === 'unstarted')
        return issue;
    }
    throw new Error('no open issue left');
  }
  async function localIssue(number: number) {
    const { rows } = await system.db.query<{ id: string; state: string }>(
      'SELECT i.id, i.state FROM issues i JOIN github_issue_syncs l ON l.issue_id = i.id WHERE l.github_number = $1',
      [number],
    );
    return rows[0]!;
  }

  it('lists pull requests on full and manual passes only: periodic passes of idle repositories stay at one call', () => {
    const synced = { includePullRequests: true, lastCursor: new Date() };
    expect(shouldListPullRequests({ full: false, trigger: 'periodic' }, synced)).toBe(false);
    expect(shouldListPullRequests({ full: true, trigger: 'periodic' }, synced)).toBe(true);
    expect(shouldListPullRequests({ full: false, trigger: 'manual' }, synced)).toBe(true);
    expect(
      shouldListPullRequests({ full: false, trigger: 'periodic' }, { ...synced, lastCursor: null }),
    ).toBe(true);
    expect(
      shouldListPullRequests({ full: true, trigger: 'manual' }, { ...synced, includePullRequests: false }),
    ).toBe(false);
  });

  it('a full pass records every pull request with the issues its description closes', async () => {
    const summary = await prSync.run(repoSync, client, { full: true });
    const pulls = state().pulls();
    expect(summary).toMatchObject({ pull_requests_listed: pulls.length, pull_request_calls: 1 });
    const rows = await rowsOf();
    expect(rows.map((r) => r.github_number)).toEqual(pulls.map((p) => p.number));
    for (const pr of pulls) {
      const row = rows.find((r) => r.github_number === pr.number)!;
      expect(row.merged).toBe(pr.pull!.merged);
      for (const closed of state().issuesClosedBy(pr))
        expect(row.linked_issue_numbers).toContain(closed.number);
    }
    expect(pulls.some((p) => state().issuesClosedBy(p).length > 0)).toBe(true);
    const again = await prSync.run(repoSync, client, { full: false });
    expect(again).toMatchObject({
      pull_requests_recorded: 0,
      pull_requests_merged_to_done: 0,
      pull_request_calls: 1,
    });
  });

  it('a merged pull request moves its linked open issue to done, once (merged into a non-default branch)', async () => {
    const open = await openIssue();
    const pr = await admin('/pulls', {
      title: 'Fix it',
      body: `Some context.\n\nFixes #${open.number}`,
      head: 'fix/it',
      base: 'release',
    });
    expect((await prSync.run(repoSync, client, { full: false })).pull_requests_merged_to_done).toBe(0);
    await admin(`/pulls/${pr.number}/merge`, {});
    expect(simIssue(system, open.number).state).toBe('open'); // GitHub closes issues only for the default branch

    const merged = await prSync.run(repoSync, client, { full: false });
    expect(merged.pull_requests_merged_to_done).toBe(1);
    expect((await localIssue(open.number)).state).toBe('done');
    const row = (await rowsOf()).find((r) => r.github_number === pr.number)!;
    expect(row).toMatchObject({ merged: true, state: 'closed', linked_issue_numbers: [open.number] });
    expect((await auditActions(system, 'issue.closed_by_pull_request')).at(-1)).toMatchObject({
      pull_request: pr.number,
      github_issue_number: open.number,
    });
    const again = await prSync.run(repoSync, client, { full: false });
    expect(again.pull_requests_merged_to_done).toBe(0);
  });

  it('merging into the default branch closes the issue on GitHub too; sync and recorder agree', async () => {
    const open = await openIssue();
    const pr = await admin('/pulls', {
      title: 'Close it',
      body: `Closes #${open.number}`,
      head: 'fix/close',
    });
    await admin(`/pulls/${pr.number}/merge`, { user: 'hubot' });
    expect(simIssue(system, open.number)).toMatchObject({
      state: 'closed',
      state_reason: 'completed',
      closed_by: 'hubot',
    });
    const events = system.sim.store.recentEvents().filter((e) => e.issue?.number === pr.number);
    expect(events.map((e) => e.type)).toEqual(['issue.opened', 'issue.closed']);
    const result = await prSync.run(repoSync, client, { full: false });
    expect(result.pull_requests_merged_to_done).toBe(1);
    expect((await syncNow(api)).status).toBe('completed');
    expect((await localIssue(open.number)).state).toBe('done');
  });

  it('the recorder (webhook shape) ignores older views and never moves an issue twice', async () => {
    const open = await openIssue();
    const local = await localIssue(open.number);
    const base = {
      number: 9001,
      title: 'From a webhook',
      body: `Resolves acme/web#${open.number} and fixes other/repo#1`,
      state: 'open' as const,
      draft: false,
      merged: false,
      merged_at: null,
      html_url: 'https://github.com/acme/web/pull/9001',
      user_login: 'mona',
      head_ref: 'feature/x',
      base_ref: 'main',
      updated_at: '2026-11-10T10:00:00Z',
    };
    expect(await recorder.record(repoSync.id, base)).toMatchObject({
      created: true,
      linkedIssueNumbers: [open.number],
      linkedIssueIds: [local.id],
      movedToDone: [],
    });
    const mergedView = { ...base, state: 'closed' as const, merged: true, merged_at: '2026-11-10T11:00:00Z' };
    const older = await recorder.record(repoSync.id, { ...mergedView, updated_at: '2026-11-09T00:00:00Z' });
    expect(older).toMatchObject({ stale: true, movedToDone: [] });
    expect((await localIssue(open.number)).state).toBe('unstarted');
    const newer = await recorder.record(repoSync.id, { ...mergedView, updated_at: '2026-11-10T11:00:00Z' });
    expect(newer).toMatchObject({ stale: false, merged: true, movedToDone: [local.id] });
    const redelivered = await recorder.record(repoSync.id, {
      ...mergedView,
      updated_at: '2026-11-10T11:00:00Z',
    });
    expect(redelivered).toMatchObject({ changed: false, movedToDone: [] });
    expect((await localIssue(open.number)).state).toBe('done');
  });
});
