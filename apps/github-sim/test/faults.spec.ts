import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator } from '../src/index.js';
import { admin, call, callError, connect, rawCall, rawPost, startTestSim } from './helpers.js';

const REPO = { owner: 'acme', repo: 'web' };
const LIST = { ...REPO, perPage: 5 };

describe('faults and stats', () => {
  let sim: RunningSimulator;
  let client: Client;
  let userId: number;

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 20, comments: 20, pullRequests: 4 }],
    });
    client = await connect(sim);
    userId = sim.store.findUser('octocat')?.id ?? 0;
  });
  afterEach(() => {
    sim.faults.clear();
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it('lets afterCalls calls through, then affects count calls, only for its tool', async () => {
    sim.faults.add({ tool: 'list_issues', mode: 'error', afterCalls: 2, count: 2, message: 'Boom' });
    const outcomes: boolean[] = [];
    for (let k = 0; k < 5; k++) outcomes.push((await call(client, 'list_issues', LIST)).isError);
    expect(outcomes).toEqual([false, false, true, true, false]);
    expect((await call(client, 'get_me', {})).isError).toBe(false);
    const [rule] = sim.faults.list();
    expect(rule).toMatchObject({ seen: 5, applied: 2 });
  });

  it('rate limits GraphQL tools with the GraphQL message (no reset time)', async () => {
    sim.faults.add({ tool: 'list_issues', mode: 'rate_limit' });
    expect(await call(client, 'list_issues', LIST)).toEqual({
      isError: true,
      text: `failed to list issues: API rate limit exceeded for user ID ${userId}.`,
    });
    sim.faults.clear();
    sim.faults.add({ tool: 'issue_read', mode: 'rate_limit' });
    expect((await call(client, 'issue_read', { method: 'get_labels', ...REPO, issue_number: 1 })).text).toBe(
      `Failed to get issue labels: API rate limit exceeded for user ID ${userId}.`,
    );
  });

  it('rate limits issue_read get/get_comments as JSON-RPC errors with the go-github wording', async () => {
    sim.faults.add({ tool: 'issue_read', mode: 'rate_limit', resetInSeconds: 245 });
    expect(await callError(client, 'issue_read', { method: 'get', ...REPO, issue_number: 1 })).toEqual({
      code: 0,
      message: `MCP error 0: failed to get issue: GET https://api.github.com/repos/acme/web/issues/1: 403 API rate limit exceeded for user ID ${userId}. [rate reset in 4m05s]`,
    });
    const raw = await rawCall(sim, 'issue_read', {
      method: 'get_comments',
      ...REPO,
      issue_number: 1,
      perPage: 100,
    });
    expect(raw['error']).toEqual({
      code: 0,
      message: `failed to get issue comments: GET https://api.github.com/repos/acme/web/issues/1/comments?page=1&per_page=100: 403 API rate limit exceeded for user ID ${userId}. [rate reset in 4m05s]`,
    });
  });

  it.each([
    [
      'list_pull_requests',
      REPO,
      60,
      'failed to list pull requests: GitHub API rate limit exceeded. Retry after 1m0s.',
    ],
    [
      'pull_request_read',
      { method: 'get', ...REPO, pullNumber: 1 },
      59,
      'failed to get pull request: GitHub API rate limit exceeded. Retry after 59s.',
    ],
    ['get_me', {}, 245, 'failed to get user: GitHub API rate limit exceeded. Retry after 4m5s.'],
    [
      'issue_write',
      { method: 'create', ...REPO, title: 'x' },
      3600,
      'failed to create issue: GitHub API rate limit exceeded. Retry after 1h0m0s.',
    ],
    [
      'add_issue_comment',
      { ...REPO, issue_number: 1, body: 'x' },
      0,
      'failed to create comment: GitHub API rate limit exceeded. Wait before retrying.',
    ],
    [
      'search_repositories',
      { query: 'web' },
      90,
      "failed to search repositories with query 'web': GitHub API rate limit exceeded. Retry after 1m30s.",
    ],
  ])('rate limits REST tool %s with the friendly wording', async (tool, args, resetInSeconds, text) => {
    sim.faults.add({ tool, mode: 'rate_limit', resetInSeconds });
    expect(await call(client, tool, args)).toEqual({ isError: true, text });
  });

  it('error mode answers the REST status through the tool channel', async () => {
    sim.faults.add({ tool: '*', mode: 'error', status: 502, message: 'Server Error', count: 1 });
    expect(await call(client, 'list_pull_requests', REPO)).toEqual({
      isError: true,
      text: 'failed to list pull requests: GET https://api.github.com/repos/acme/web/pulls?page=1&per_page=30: 502 Server Error []',
    });
    expect((await call(client, 'list_pull_requests', REPO)).isError).toBe(false);
  });

  it('http_500 answers HTTP 500 before MCP; drop destroys the connection; latency delays', async () => {
    // http_500 answers 500, or the 5xx given as `status` (a proxy's 502), and only `count` times.
    for (const [id, status] of [
      [1, undefined],
      [2, 502],
    ] as const) {
      sim.faults.add({ tool: 'get_me', mode: 'http_500', count: 1, ...(status ? { status } : {}) });
      const failed = await rawPost(sim, {
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'get_me', arguments: {} },
      });
      expect(failed.status).toBe(status ?? 500);
      expect((await rawCall(sim, 'get_me', {}))['result']).toBeDefined();
    }

    sim.faults.add({ tool: 'get_me', mode: 'drop', count: 1 });
    await expect(rawCall(sim, 'get_me', {})).rejects.toThrow();
    expect((await rawCall(sim, 'get_me', {}))['result']).toBeDefined();

    sim.faults.add({ tool: 'get_me', mode: 'latency', latencyMs: 150, count: 1 });
    const started = Date.now();
    expect((await rawCall(sim, 'get_me', {}))['result']).toBeDefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('admin API manages faults and counts calls per tool and method', async () => {
    await admin(sim, 'POST', '/stats/reset');
    const added = await admin(sim, 'POST', '/faults', { tool: 'get_me', mode: 'error', count: 1 });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({ id: expect.stringMatching(/^fault-\d+$/) });
    expect((await admin(sim, 'POST', '/faults', { mode: 'explode' })).status).toBe(400);
    expect(((await admin(sim, 'GET', '/faults')).json as unknown[]).length).toBe(1);
    expect((await call(client, 'get_me', {})).isError).toBe(true);
    await call(client, 'issue_read', { method: 'get_comments', ...REPO, issue_number: 1 });
    await call(client, 'issue_read', { method: 'get_comments', ...REPO, issue_number: 2 });
    expect((await admin(sim, 'DELETE', '/faults')).status).toBe(204);
    expect(sim.faults.list()).toEqual([]);
    const stats = (await admin(sim, 'GET', '/stats')).json as Record<string, unknown>;
    expect(stats).toMatchObject({
      total: 3,
      byTool: { get_me: 1, issue_read: 2 },
      byMethod: { 'issue_read.get_comments': 2 },
    });
    expect((await admin(sim, 'POST', '/stats/reset')).json).toMatchObject({ total: 0, byTool: {} });
  });
});
