import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SimIssue } from '../../apps/github-sim/src/index.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;
const MAIN = { owner: 'acme', name: 'search', issues: 160, comments: 0, pullRequests: 0 };
const SHORT = { owner: 'acme', name: 'short', issues: 120, comments: 0, pullRequests: 0 };

/**
 * Close reasons and milestones of closed issues come from search_issues; issue_read get fills in where the
 * search cannot be trusted (lagging index, issue missing from it, bucket exhausted). Each test fails if that
 * fallback is missing: the stored state, close category or milestone would be wrong.
 */
describe('sync: close reasons and milestones from search_issues', () => {
  let system: TestSystem;
  let api: ReturnType<typeof http>;
  let base: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [MAIN, SHORT],
      env: {
        GITHUB_SEARCH_LAG_SECONDS: '0',
        GITHUB_SEARCH_MAX_WAIT_SECONDS: '0',
        GITHUB_MCP_RATE_LIMIT_WAIT: '1',
      },
    });
    const seeded = await seedWorkspace(system, ['acme/search', 'acme/short']);
    api = http(system.apiUrl, seeded.adminToken);
    base = `/workspaces/${seeded.slug}/integrations/github-mcp`;
    await system.db.query(`UPDATE github_repository_syncs SET enabled = false`);
  });
  afterAll(async () => {
    await system?.close();
  });

  async function sync(body: Json): Promise<Json> {
    const started = await api.post(`${base}/sync/`, body);
    expect([200, 202]).toContain(started.status);
    const ids = (started.body.job_ids as string[] | undefined) ?? [String(started.body.job_id)];
    return waitFor(`job ${ids[0]}`, async () => {
      const { body: job } = await api.get(`${base}/sync-jobs/${ids[0]}/`);
      return ['completed', 'failed'].includes(String(job.status)) ? job : undefined;
    });
  }

  const truth = (name: string): SimIssue[] =>
    [...system.sim.store.requireRepo('acme', name).items.values()].filter((i) => i.pull === null);
  const milestoneOf = (name: string, issue: SimIssue) =>
    system.sim.store.requireRepo('acme', name).milestones.find((m) => m.number === issue.milestone)?.title ??
    null;

  /** Every closed issue: stored category (done / cancelled) and milestone as GitHub has them. */
  async function expectClosedRight(name: string): Promise<void> {
    const { rows } = await system.db.query(
      `SELECT s.github_number AS number, i.state, i.milestone FROM issues i
       JOIN github_issue_syncs s ON s.issue_id = i.id JOIN github_repository_syncs r ON r.id = s.repository_sync_id
       JOIN github_repositories g ON g.id = r.repository_id WHERE g.name = $1`,
      [name],
    );
    const stored = new Map(rows.map((r) => [r.number as number, r]));
    const closed = truth(name).filter((i) => i.state === 'closed');
    expect(closed.length).toBeGreaterThan(40);
    for (const issue of closed) {
      const expected =
        issue.state_reason === 'not_planned' || issue.state_reason === 'duplicate' ? 'cancelled' : 'done';
      expect({ n: issue.number, ...stored.get(issue.number) }).toEqual({
        n: issue.number,
        number: issue.number,
        state: expected,
        milestone: milestoneOf(name, issue),
      });
    }
  }

  it('a full sync reads every close reason and milestone from search, sliced by updated: ranges past the result cap', async () => {
    system.sim.store.search.configure({ maxResults: 30 }); // GitHub: 1,000; the sync must slice below it
    system.sim.stats.reset();
    const job = await sync({ force: true, repository: 'acme/search' });
    expect(job.status).toBe('completed');
    const byTool = system.sim.stats.snapshot().byTool;
    expect(byTool['search_issues']).toBeGreaterThanOrEqual(2);
    expect(byTool['issue_read'] ?? 0).toBe(0);
    await expectClosedRight('search');
    system.sim.store.search.configure({ maxResults: 1000 });
  });

  it('a lagging index: issues closed, re-closed or given a milestone since are read with issue_read get', async () => {
    system.sim.store.search.configure({ lagMs: 600_000 });
    const state = system.sim.store.requireRepo('acme', 'search');
    const actor = system.sim.store.findUser('octocat')!;
    const open = truth('search').filter((i) => i.state === 'open');
    const closed = truth('search').filter((i) => i.state === 'closed' && i.state_reason === 'completed');
    const milestone = state.milestones[0]!.number;
    // Missing from the index: newly closed. Stale in it: a closed issue whose reason and milestone changed.
    system.sim.store.updateIssue(
      state,
      open[0]!.number,
      { state: 'closed', state_reason: 'not_planned', milestone },
      actor,
    );
    system.sim.store.updateIssue(
      state,
      closed[0]!.number,
      { state: 'closed', state_reason: 'not_planned' },
      actor,
    );
    system.sim.store.updateIssue(state, closed[1]!.number, { milestone }, actor);
    system.sim.stats.reset();
    const job = await sync({ repository: 'acme/search' });
    expect(job.status).toBe('completed');
    expect(system.sim.stats.snapshot().byTool['issue_read']).toBe(3);
    await expectClosedRight('search');
    system.sim.store.search.configure({ lagMs: 0 });
  });

  it('an exhausted search bucket never fails the sync: the rest falls back to issue_read get', async () => {
    system.sim.store.search.configure({ perMinute: 1, maxResults: 20 });
    system.sim.store.search.bucket.clear();
    system.sim.stats.reset();
    const job = await sync({ force: true, repository: 'acme/short' });
    expect(job.status).toBe('completed');
    const summary = (job.metadata as { summary: Json }).summary;
    expect(summary['search_gave_up']).toEqual(expect.stringContaining('search bucket'));
    expect(system.sim.stats.snapshot().byTool['issue_read']).toBeGreaterThan(0);
    await expectClosedRight('short');
    system.sim.store.search.configure({ perMinute: 30, maxResults: 1000 });
  });
});
