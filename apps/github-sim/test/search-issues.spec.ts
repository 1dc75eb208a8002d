import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator } from '../src/index.js';
import { admin, call, callJson, connect, startTestSim } from './helpers.js';

interface SearchAnswer {
  total_count: number;
  incomplete_results: boolean;
  items: Record<string, unknown>[];
}

const REPO = { owner: 'acme', repo: 'web' };
let wall = Date.UTC(2026, 8, 1, 12);

describe('search_issues', () => {
  let sim: RunningSimulator;
  let client: Client;

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 60, pullRequests: 10 }],
      searchClock: () => wall,
    });
    client = await connect(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });
  afterEach(() => {
    sim.store.search.configure({ lagMs: 0, perMinute: 30, maxResults: 1000 });
    sim.store.search.bucket.clear();
  });

  const search = (args: Record<string, unknown>) => callJson<SearchAnswer>(client, 'search_issues', args);
  const truth = () => [...sim.store.requireRepo('acme', 'web').items.values()].filter((i) => i.pull === null);

  it('answers the requested fields only, keys sorted, with close reasons and milestone objects', async () => {
    const answer = await search({
      ...REPO,
      query: 'is:closed',
      fields: ['state_reason', 'number', 'milestone', 'updated_at'],
      perPage: 100,
    });
    const closed = truth().filter((i) => i.state === 'closed');
    expect(answer.total_count).toBe(closed.length);
    expect(Object.keys(answer)).toEqual(['incomplete_results', 'items', 'total_count']);
    for (const item of answer.items) {
      const issue = closed.find((i) => i.number === item['number'])!;
      expect(item['state_reason']).toBe(issue.state_reason);
      expect(Object.keys(item)).toEqual(Object.keys(item).sort());
      const milestone = item['milestone'] as { title: string } | undefined;
      const title = sim.store
        .requireRepo('acme', 'web')
        .milestones.find((m) => m.number === issue.milestone)?.title;
      expect(milestone?.title).toBe(title);
    }
    expect(answer.items.some((i) => i['milestone'] !== undefined)).toBe(true);
  });

  it('answers full go-github issues without nulls, empty arrays or pull requests', async () => {
    const answer = await search({ query: 'repo:acme/web', perPage: 100 });
    expect(answer.total_count).toBe(truth().length);
    const item = answer.items[0]!;
    expect(Object.keys(item)).toEqual(Object.keys(item).sort());
    expect(item['field_values']).toEqual([]);
    expect(item).not.toHaveProperty('timeline_url');
    expect(item).not.toHaveProperty('pull_request');
    for (const value of Object.values(item)) expect(value).not.toBeNull();
    const { field_values: _fieldValues, ...rest } = item;
    for (const value of Object.values(rest))
      if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
  });

  it('filters by updated: ranges and sorts by update time', async () => {
    const sorted = truth().sort((a, b) => (a.updated_at < b.updated_at ? -1 : 1));
    const from = sorted[10]!.updated_at;
    const to = sorted[30]!.updated_at;
    const expected = sorted.filter((i) => i.updated_at >= from && i.updated_at <= to);
    const answer = await search({
      ...REPO,
      query: `updated:${from}..${to}`,
      sort: 'updated',
      order: 'asc',
      perPage: 100,
      fields: ['number', 'updated_at'],
    });
    expect(answer.items.map((i) => i['number'])).toEqual(expected.map((i) => i.number));
    const after = await search({ ...REPO, query: `updated:>${to}`, perPage: 100, fields: ['number'] });
    expect(after.total_count).toBe(sorted.filter((i) => i.updated_at > to).length);
  });

  it('reaches only the first maxResults results of a query, as GitHub the first 1,000', async () => {
    sim.store.search.configure({ maxResults: 25 });
    const page3 = await search({ ...REPO, query: 'is:issue', perPage: 10, page: 3, fields: ['number'] });
    expect(page3.total_count).toBe(truth().length);
    expect(page3.items).toHaveLength(5);
    expect(await call(client, 'search_issues', { ...REPO, query: 'is:issue', perPage: 10, page: 4 })).toEqual(
      {
        isError: true,
        text:
          'failed to search issues: GET https://api.github.com/search/issues?page=4&per_page=10&q=repo%3Aacme%2Fweb+is%3Aissue' +
          '&search_type=semantic: 422 Only the first 25 search results are available []',
      },
    );
  });

  it('spends its own bucket: 30 searches a minute, then the search rate-limit answer until the window resets', async () => {
    for (let i = 0; i < 30; i++) await search({ ...REPO, query: 'is:open', fields: ['number'] });
    wall += 15_000;
    const limited = await call(client, 'search_issues', { ...REPO, query: 'is:open' });
    expect(limited.isError).toBe(true);
    expect(limited.text).toBe(
      'failed to search issues: GET https://api.github.com/search/issues?page=1&per_page=30&q=repo%3Aacme%2Fweb+is%3Aissue+is%3Aopen' +
        '&search_type=semantic: 403 API rate limit exceeded for user ID 583231. [rate reset in 45s]',
    );
    // Other tools do not share it.
    expect((await call(client, 'list_issues', { ...REPO, perPage: 1 })).isError).toBe(false);
    wall += 45_000;
    expect((await search({ ...REPO, query: 'is:open', fields: ['number'] })).total_count).toBeGreaterThan(0);
  });

  it('answers from an index that trails changes, additions and deletions by lagMs', async () => {
    sim.store.search.configure({ lagMs: 5_000 });
    const state = sim.store.requireRepo('acme', 'web');
    const open = truth().find((i) => i.state === 'open')!;
    await callJson(client, 'issue_write', {
      method: 'update',
      ...REPO,
      issue_number: open.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    const created = sim.store.createIssue(state, { title: 'fresh one' }, sim.store.findUser('octocat')!);
    const look = (n: number) =>
      search({ ...REPO, query: `is:issue`, perPage: 100, fields: ['number', 'state', 'state_reason'] }).then(
        (a) => a.items.find((i) => i['number'] === n),
      );
    expect(await look(open.number)).toEqual({ number: open.number, state: 'open' });
    expect(await look(created.number)).toBeUndefined();
    wall += 5_000;
    expect(await look(open.number)).toEqual({
      number: open.number,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(await look(created.number)).toEqual({ number: created.number, state: 'open' });
    sim.store.deleteIssue(state, created.number, sim.store.findUser('octocat')!);
    expect(await look(created.number)).toBeDefined();
    wall += 5_000;
    expect(await look(created.number)).toBeUndefined();
  });

  it('is configured through /_admin/search; a bad value is refused and changes nothing', async () => {
    expect(await admin(sim, 'PUT', '/search', { lagMs: 2000, perMinute: 10 })).toEqual({
      status: 200,
      json: { perMinute: 10, maxResults: 1000, lagMs: 2000 },
    });
    const bad = await admin(sim, 'PUT', '/search', { lagMs: 1, perMinute: 0 });
    expect(bad.status).toBe(400);
    expect(await admin(sim, 'GET', '/search')).toEqual({
      status: 200,
      json: { perMinute: 10, maxResults: 1000, lagMs: 2000 },
    });
  });
});
