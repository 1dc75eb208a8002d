import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type GitHubIssueRecord, IntegrationRepository } from '#libs/db';
import { type GitHubMcpClient, GitHubMcpClientFactory } from '#libs/github-mcp';
import { InboundMerger, OutboundPass, toIssueRecord } from '#libs/sync';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import {
  type Rest,
  auditActions,
  detail,
  editOnGitHub,
  rest,
  setDirection,
  simIssue,
  sleep,
  syncNow,
  syncQueue,
  synced,
} from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';
import { parseStateMapping } from '#libs/issues';

/**
 * The inbound half of bidirectional sync: a page (or webhook) view merged field by field into locally
 * edited issues before it is written (InboundMerger: the hook of the from_github writer).
 */
describe('InboundMerger: echo suppression and per-field last writer wins on pages', () => {
  let system: TestSystem;
  let api: Rest;
  let projectId: string;
  let merger: InboundMerger;
  let worker: INestApplicationContext;
  let factory: GitHubMcpClientFactory;
  let client: GitHubMcpClient;
  let queue: Queue;
  let repoSync: { id: string; direction: 'bidirectional' };
  let target: { id: string; number: number };

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 6, comments: 0, pullRequests: 0 }],
      env: { SYNC_ISSUE_DEBOUNCE_MS: '0' },
    });
    const seeded = await seedWorkspace(system, ['acme/web']);
    projectId = seeded.projectId;
    api = rest(system.apiUrl, seeded.adminToken);
    await setDirection(system, 'bidirectional');
    expect((await syncNow(api)).status).toBe('completed');
    worker = await system.startWorker();
    merger = worker.get(InboundMerger, { strict: false });
    factory = new GitHubMcpClientFactory({
      serverUrl: system.sim.mcpUrl,
      timeoutMs: 10_000,
      maxRetries: 0,
      retryDelayMs: 10,
    });
    client = factory.forToken(DEFAULT_SIM_TOKEN);
    const { rows } = await system.db.query<{ id: string }>('SELECT id FROM github_repository_syncs');
    repoSync = { id: rows[0]!.id, direction: 'bidirectional' };
    const { rows: links } = await system.db.query<{ issue_id: string; github_number: number }>(
      'SELECT issue_id, github_number FROM github_issue_syncs ORDER BY github_number LIMIT 1',
    );
    target = { id: links[0]!.issue_id, number: links[0]!.github_number };
    queue = syncQueue(system);
  });

  afterAll(async () => {
    await queue?.resume();
    await queue?.close();
    await factory?.closeAll();
    await system?.close();
  });

  /** The record a list_issues page gives for the target issue now. */
  async function pageRecord(): Promise<GitHubIssueRecord> {
    const page = await client.listIssues({ owner: 'acme', repo: 'web', perPage: 100 });
    const item = page.issues.find((i) => i.number === target.number)!;
    return toIssueRecord(
      { owner: 'acme', name: 'web' },
      item,
      { stateReason: null, closedAt: null },
      parseStateMapping({}),
    );
  }

  it('a view of our own write (sanitised by the server) keeps the local text', async () => {
    const description = 'Keep Vec<T> & "quotes" as written';
    await api.patch(`/workspaces/acme/projects/${projectId}/issues/${target.id}/`, { description });
    await synced(api, projectId, target.id);
    const record = await pageRecord();
    expect(record.body).toBe('Keep Vec & "quotes" as written'); // what the MCP server shows
    const merged = await merger.merge(repoSync, [record]);
    expect(merged.records[0]!.body).toBe(description);
    expect(merged.conflicts).toEqual([]);
  });

  it('GitHub changed one field and the local edit another: both kept; same field: last writer wins, recorded', async () => {
    await queue.pause();
    await api.patch(`/workspaces/acme/projects/${projectId}/issues/${target.id}/`, { title: 'Local title' });
    editOnGitHub(system, target.number, { labels: ['enhancement'] });
    const first = await merger.merge(repoSync, [await pageRecord()]);
    expect(first.records[0]).toMatchObject({ title: 'Local title', labels: ['enhancement'] });
    expect(first.conflicts).toEqual([]);
    await merger.commit(first);

    await sleep(1100);
    editOnGitHub(system, target.number, { title: 'GitHub title' });
    const jobs = await api.post('/workspaces/acme/integrations/github-mcp/sync/', {});
    const jobId = String(jobs.body.job_id);
    const second = await merger.merge(repoSync, [await pageRecord()]);
    expect(second.records[0]).toMatchObject({ title: 'GitHub title' });
    expect(second.conflicts).toEqual([
      expect.objectContaining({
        field: 'title',
        winner: 'github',
        source: 'page',
        githubNumber: target.number,
      }),
    ]);
    await merger.commit(second, jobId);
    const { rows } = await system.db.query<{ metadata: { conflicts: unknown[]; conflict_count: number } }>(
      'SELECT metadata FROM github_sync_jobs WHERE job_id = $1',
      [jobId],
    );
    expect(rows[0]?.metadata.conflict_count).toBe(1);
    expect(rows[0]?.metadata.conflicts).toEqual([
      expect.objectContaining({ field: 'title', winner: 'github' }),
    ]);
    expect((await auditActions(system, 'github.sync.conflict')).at(-1)).toMatchObject({
      field: 'title',
      winner: 'github',
    });
    const { rows: outbound } = await system.db.query<{ dirty_fields: Record<string, string> }>(
      'SELECT dirty_fields FROM github_issue_outbound WHERE issue_id = $1',
      [target.id],
    );
    expect(outbound[0]?.dirty_fields).toEqual({}); // GitHub won: nothing left to write
    await queue.resume();
    expect((await detail(api, projectId, target.id)).github_outbound.pending_fields).toEqual([]);
  });

  it('a sync pass of a writing repository enqueues what is still owed (edits made while it was read-only)', async () => {
    await setDirection(system, 'from_github');
    const created = await api.post(`/workspaces/acme/projects/${projectId}/issues/`, {
      title: 'made while read-only',
    });
    expect(created.body.github_sync).toMatchObject({ queued: false });
    await setDirection(system, 'bidirectional');
    const repoSyncRow = (await worker
      .get(IntegrationRepository, { strict: false })
      .findRepositorySync(repoSync.id))!;
    const pass = worker.get(OutboundPass, { strict: false });
    expect(await pass.enqueuePending(repoSyncRow, 'pass-1')).toEqual({ sync_issue_enqueued: 1 });
    const issue = await synced(api, projectId, String(created.body.id));
    expect(simIssue(system, issue.github!.number).title).toBe('made while read-only');
    expect(await pass.enqueuePending(repoSyncRow, 'pass-2')).toEqual({ sync_issue_enqueued: 0 });
  });

  it('passes records through unchanged for repositories that do not write to GitHub', async () => {
    const record = await pageRecord();
    const result = await merger.merge({ id: repoSync.id, direction: 'from_github' }, [record]);
    expect(result.records[0]).toBe(record);
    expect(result.commits).toEqual([]);
  });
});
