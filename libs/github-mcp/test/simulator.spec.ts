import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  DEFAULT_SIM_TOKEN,
  type RunningSimulator,
  startSimulator,
} from '../../../apps/github-sim/src/index.js';
import {
  GitHubMcpClientFactory,
  type GitHubMcpOptions,
  McpInvalidRequestError,
  McpNotFoundError,
  McpRateLimitError,
  McpTransientError,
  McpUnauthorizedError,
  type ListIssuesItem,
} from '#libs/github-mcp';

/** Text the sanitiser changes beyond HTML escaping (tags, CR, invisible characters, code fences). */
const LOSSY = /[<\r\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|```/;

describe('GitHubMcpClient against the GitHub simulator (real HTTP)', () => {
  let sim: RunningSimulator;
  const factories: GitHubMcpClientFactory[] = [];
  const make = (overrides: Partial<GitHubMcpOptions> = {}): GitHubMcpClientFactory => {
    const factory = new GitHubMcpClientFactory({
      serverUrl: sim.mcpUrl,
      timeoutMs: 5000,
      maxRetries: 2,
      retryDelayMs: 5,
      ...overrides,
    });
    factories.push(factory);
    return factory;
  };

  beforeAll(async () => {
    sim = await startSimulator({
      seed: 11,
      repos: [{ owner: 'acme', name: 'web', issues: 230, comments: 700, pullRequests: 12 }],
    });
  });
  afterEach(async () => {
    sim.faults.clear();
    await Promise.all(factories.splice(0).map((f) => f.closeAll()));
  });
  afterAll(async () => {
    await sim.close();
  });

  it('pages every issue with cursors and decodes titles and bodies to the stored text', async () => {
    const gh = make().forToken(DEFAULT_SIM_TOKEN);
    const seen: ListIssuesItem[] = [];
    let after: string | undefined;
    let pages = 0;
    const totals = new Set<number>();
    do {
      const page = await gh.listIssues({
        owner: 'acme',
        repo: 'web',
        perPage: 50,
        after,
        orderBy: 'UPDATED_AT',
        direction: 'ASC',
      });
      seen.push(...page.issues);
      pages += 1;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
      totals.add(page.totalCount);
    } while (after !== undefined);

    const state = sim.store.repo('acme', 'web');
    if (!state) throw new Error('simulated repo missing');
    const stored = [...state.items.values()].filter((i) => i.pull === null && !state.deleted.has(i.number));
    expect(pages).toBe(Math.ceil(stored.length / 50));
    expect([...totals]).toEqual([stored.length]);
    expect(seen.map((i) => i.number).sort((a, b) => a - b)).toEqual(
      stored.map((i) => i.number).sort((a, b) => a - b),
    );
    const byNumber = new Map(stored.map((i) => [i.number, i]));
    const comparable = seen.filter((i) => !LOSSY.test(byNumber.get(i.number)?.title ?? '<'));
    expect(comparable.some((i) => /[&'"]/.test(i.title))).toBe(true);
    for (const issue of comparable) expect(issue.title).toBe(byNumber.get(issue.number)?.title);
    const bodies = seen.filter((i) => !LOSSY.test(byNumber.get(i.number)?.body ?? '<'));
    expect(bodies.some((i) => /[&'"]/.test(i.body))).toBe(true);
    for (const issue of bodies) expect(issue.body).toBe(byNumber.get(issue.number)?.body);
    for (const issue of seen) expect(issue.comments).toBe(byNumber.get(issue.number)?.comments);
  });

  it('pages every comment of the issues with comments until a short page', async () => {
    const gh = make().forToken(DEFAULT_SIM_TOKEN);
    const state = sim.store.repo('acme', 'web');
    if (!state) throw new Error('simulated repo missing');
    const withComments = [...state.items.values()]
      .filter((i) => i.pull === null && i.comments > 0)
      .sort((a, b) => b.comments - a.comments)
      .slice(0, 8);
    expect(withComments[0]?.comments).toBeGreaterThan(3);
    for (const issue of withComments) {
      const comments = await gh.listAllIssueComments('acme', 'web', issue.number, 3);
      const expected = state.commentsOf(issue.number);
      expect(comments.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      comments.forEach((c, i) => {
        const raw = expected[i]?.body ?? '<';
        if (!LOSSY.test(raw)) expect(c.body).toBe(raw);
      });
    }
  });

  it('writes: create, update and comment, then read them back', async () => {
    const gh = make().forToken(DEFAULT_SIM_TOKEN);
    const created = await gh.issueWrite({
      method: 'create',
      owner: 'acme',
      repo: 'web',
      title: `Tom & Jerry's "chase"`,
      body: 'a &amp; b',
      labels: ['bug'],
    });
    expect(created.url).toMatch(new RegExp(`/issues/${created.number}$`));
    const comment = await gh.addIssueComment({
      owner: 'acme',
      repo: 'web',
      issue_number: created.number,
      body: 'x > y',
    });
    expect(comment.id).toMatch(/^\d+$/);
    await gh.issueWrite({
      method: 'update',
      owner: 'acme',
      repo: 'web',
      issue_number: created.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    const issue = await gh.getIssue('acme', 'web', created.number);
    expect(issue).toMatchObject({
      title: `Tom & Jerry's "chase"`,
      // The server decodes entities before re-escaping: typed `&amp;` comes back as `&`.
      body: 'a & b',
      state: 'closed',
      state_reason: 'not_planned',
      labels: ['bug'],
      comments: 1,
    });
    const comments = await gh.listAllIssueComments('acme', 'web', created.number);
    expect(comments.map((c) => [String(c.id), c.body])).toEqual([[comment.id, 'x > y']]);
  });

  it('error channels: JSON-RPC 404, GraphQL not found, bad token, malformed token, invalid request', async () => {
    const factory = make();
    const gh = factory.forToken(DEFAULT_SIM_TOKEN);
    await expect(gh.getIssue('acme', 'web', 99_999)).rejects.toMatchObject({
      kind: 'not_found',
      rpcCode: 0,
      status: 404,
    });
    await expect(gh.getIssueComments('acme', 'web', 99_999, { page: 1, perPage: 10 })).rejects.toBeInstanceOf(
      McpNotFoundError,
    );
    await expect(gh.listIssues({ owner: 'acme', repo: 'nope', perPage: 10 })).rejects.toBeInstanceOf(
      McpNotFoundError,
    );
    await expect(gh.listIssues({ owner: 'acme', repo: 'web', perPage: 101 })).rejects.toBeInstanceOf(
      McpInvalidRequestError,
    );
    const stranger = factory.forToken('ghp_000000000000000000000000000000000000');
    await expect(stranger.getMe()).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
    const malformed = factory.forToken('not-a-github-token');
    const error: unknown = await malformed.getMe().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpUnauthorizedError);
    expect(String((error as Error).message)).not.toContain('not-a-github-token');
  });

  it('rate limits: REST wording carries resetAt, GraphQL wording does not; neither is retried', async () => {
    const gh = make({ maxRetries: 3 }).forToken(DEFAULT_SIM_TOKEN);
    sim.faults.add({ tool: 'issue_read', mode: 'rate_limit', count: 1, resetInSeconds: 120 });
    const readsBefore = sim.stats.snapshot().byTool['issue_read'] ?? 0;
    const before = Date.now();
    const rest: unknown = await gh
      .getIssueComments('acme', 'web', 1, { page: 1, perPage: 5 })
      .catch((e: unknown) => e);
    expect(rest).toBeInstanceOf(McpRateLimitError);
    const resetAt = (rest as McpRateLimitError).resetAt?.getTime() ?? 0;
    expect(resetAt).toBeGreaterThanOrEqual(before + 118_000);
    expect(resetAt).toBeLessThanOrEqual(Date.now() + 122_000);
    expect(sim.stats.snapshot().byTool['issue_read']).toBe(readsBefore + 1);

    sim.faults.add({ tool: 'list_issues', mode: 'rate_limit', count: 1 });
    const calls = sim.stats.snapshot().byTool['list_issues'] ?? 0;
    const graphql: unknown = await gh
      .listIssues({ owner: 'acme', repo: 'web', perPage: 5 })
      .catch((e: unknown) => e);
    expect(graphql).toBeInstanceOf(McpRateLimitError);
    expect((graphql as McpRateLimitError).resetAt).toBeUndefined();
    expect(sim.stats.snapshot().byTool['list_issues']).toBe(calls + 1);
  });

  it.each(['http_500', 'drop', 'error'] as const)(
    'retries a transient %s fault and succeeds',
    async (mode) => {
      const gh = make({ maxRetries: 2 }).forToken(DEFAULT_SIM_TOKEN);
      sim.faults.add({ tool: 'get_me', mode, count: 1, status: 502 });
      const calls = sim.stats.snapshot().byTool['get_me'] ?? 0;
      await expect(gh.getMe()).resolves.toMatchObject({ login: expect.any(String) });
      expect(sim.stats.snapshot().byTool['get_me']).toBe(calls + 2);
    },
  );

  it('transient faults beyond maxRetries and latency beyond the timeout fail as McpTransientError', async () => {
    const gh = make({ maxRetries: 1, timeoutMs: 300 }).forToken(DEFAULT_SIM_TOKEN);
    sim.faults.add({ tool: 'get_me', mode: 'http_500', count: 2 });
    await expect(gh.getMe()).rejects.toBeInstanceOf(McpTransientError);
    sim.faults.add({ tool: 'get_me', mode: 'latency', latencyMs: 1000, count: 2 });
    await expect(gh.getMe()).rejects.toMatchObject({ kind: 'transient', reason: 'timeout' });
    await expect(gh.getMe()).resolves.toMatchObject({ login: expect.any(String) });
  });
});
