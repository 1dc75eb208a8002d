import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type GitHubMcpClient, GitHubMcpClientFactory } from '#libs/github-mcp';
import { ClosedIssueFeed, IssuePageReader } from '#libs/sync';
import { DEFAULT_SIM_TOKEN, type RunningSimulator, startSimulator } from '../../apps/github-sim/src/index.js';

const REPO = { owner: 'acme', name: 'feed', issues: 2_000, comments: 0, pullRequests: 0 };

/**
 * The search feed's memory is bounded whatever the repository size: it reads at most `maxAhead` answers
 * ahead of the list pass and drops answers the pass went past, and pausing costs no search and no
 * close reason (every closed issue still gets its reason and milestone from search, no issue_read).
 */
describe('sync: the search feed reads a bounded distance ahead of the list pass', () => {
  let sim: RunningSimulator;
  let factory: GitHubMcpClientFactory;
  let client: GitHubMcpClient;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 7, repos: [REPO] });
    const options = { serverUrl: sim.mcpUrl, timeoutMs: 10_000, maxRetries: 1, retryDelayMs: 50 };
    factory = new GitHubMcpClientFactory(options);
    client = factory.forToken(DEFAULT_SIM_TOKEN);
  });
  afterAll(async () => {
    await factory?.closeAll();
    await sim?.close();
  });

  /** Pages the whole repository like the sync does; the most answers the feed held after any page. */
  async function pass(maxAhead: number | undefined) {
    const feed = new ClosedIssueFeed(client, {
      owner: REPO.owner,
      repo: REPO.name,
      since: null,
      maxWaitMs: 0,
      rateLimitWaitMs: 1_000,
      ...(maxAhead === undefined ? {} : { maxAhead }),
    });
    const reader = new IssuePageReader(client, {
      includeComments: false,
      concurrency: 4,
      mapping: { open: 'unstarted' },
      feed,
      searchLagMs: 0,
    });
    const repo = { owner: REPO.owner, name: REPO.name };
    const records = new Map<number, { state: string; milestone: string | null | undefined }>();
    let held = 0;
    let closeReads = 0;
    let after: string | null = null;
    do {
      const list = await reader.list({ repo, perPage: 50, after, since: null });
      const page = await reader.details(repo, list, new Map());
      // Let the background reads run on, as they do while the sync writes the page.
      await new Promise((resolve) => setTimeout(resolve, 20));
      held = Math.max(held, feed.held);
      closeReads += page.closeReads;
      for (const r of page.records) records.set(r.number, { state: r.state, milestone: r.milestone });
      after = list.pageInfo.hasNextPage ? (list.pageInfo.endCursor ?? null) : null;
    } while (after);
    feed.stop();
    return { held, closeReads, searches: feed.calls, gaveUp: feed.gaveUp, records };
  }

  it('holds at most maxAhead answers and a page, with the same searches and every close reason right', async () => {
    sim.store.search.configure({ perMinute: 1_000 }); // both passes in one bucket window
    const state = sim.store.requireRepo(REPO.owner, REPO.name);
    const closed = [...state.items.values()].filter((i) => i.pull === null && i.state === 'closed');
    expect(closed.length).toBeGreaterThan(500);

    const unbounded = await pass(undefined);
    const bounded = await pass(50);

    // Without the bound the feed runs far ahead (the figure that grows with the repository).
    expect(unbounded.held).toBeGreaterThan(300);
    expect(bounded.held).toBeLessThanOrEqual(50 + 100);
    expect(bounded.searches).toBe(Math.ceil(closed.length / 100));
    expect(bounded.searches).toBe(unbounded.searches);
    expect(bounded.gaveUp).toBeNull();
    expect(bounded.closeReads).toBe(0);
    for (const issue of closed) {
      const milestone = state.milestones.find((m) => m.number === issue.milestone)?.title ?? null;
      const category =
        issue.state_reason === 'completed' || issue.state_reason === null ? 'done' : 'cancelled';
      expect({ n: issue.number, ...bounded.records.get(issue.number) }).toEqual({
        n: issue.number,
        state: category,
        milestone,
      });
    }
  }, 120_000);
});
