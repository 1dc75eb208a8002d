import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator } from '../src/index.js';
import { admin, call, callError, callJson, connect, startTestSim } from './helpers.js';

interface Page {
  issues: Record<string, unknown>[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string; endCursor?: string };
}

const REPO = { owner: 'acme', repo: 'web' };
const ITEM_KEYS = [
  'number',
  'title',
  'body',
  'state',
  'user',
  'labels',
  'assignees',
  'comments',
  'created_at',
  'updated_at',
];

async function pageAll(
  client: Client,
  args: Record<string, unknown>,
  between?: (page: number) => Promise<void>,
) {
  const seen: Page['issues'] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await callJson<Page>(client, 'list_issues', {
      ...REPO,
      ...args,
      ...(after ? { after } : {}),
    });
    seen.push(...result.issues);
    if (!result.pageInfo.hasNextPage) return seen;
    after = result.pageInfo.endCursor;
    if (between) await between(page);
  }
  throw new Error('too many pages');
}

describe('list_issues', () => {
  let sim: RunningSimulator;
  let client: Client;
  let issueCount: number;

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 230, comments: 500, pullRequests: 20 }],
    });
    client = await connect(sim);
    issueCount = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].filter(
      (i) => i.pull === null,
    ).length;
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it('answers issues, totalCount, pageInfo with GraphQL casing and list-only keys', async () => {
    const page = await callJson<Page>(client, 'list_issues', { ...REPO, perPage: 100 });
    const text = (await call(client, 'list_issues', { ...REPO, perPage: 1 })).text;
    expect(text.startsWith('{"issues":[{"number":')).toBe(true);
    expect(text).toMatch(
      /\],"totalCount":\d+,"pageInfo":\{"hasNextPage":true,"hasPreviousPage":false,"startCursor":"/,
    );
    expect(page.totalCount).toBe(issueCount);
    expect(page.issues).toHaveLength(100);
    for (const issue of page.issues) {
      const keys = Object.keys(issue);
      expect(keys).toEqual(ITEM_KEYS.filter((k) => keys.includes(k)));
      expect(keys).toEqual(
        expect.arrayContaining(['number', 'title', 'state', 'user', 'assignees', 'created_at', 'updated_at']),
      );
      expect(['OPEN', 'CLOSED']).toContain(issue['state']);
      expect(Object.keys(issue['user'] as object)).toEqual(['login']);
      if (issue['labels']) for (const l of issue['labels'] as unknown[]) expect(typeof l).toBe('string');
      expect(issue['comments']).not.toBe(0);
      expect(issue['body']).not.toBe('');
    }
  });

  it('defaults to CREATED_AT DESC and excludes pull requests', async () => {
    const all = await pageAll(client, { perPage: 100 });
    const numbers = all.map((i) => i['number'] as number);
    const created = all.map((i) => i['created_at'] as string);
    expect([...created].sort().reverse()).toEqual(created);
    const prNumbers = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])]
      .filter((i) => i.pull)
      .map((i) => i.number);
    for (const n of prNumbers) expect(numbers).not.toContain(n);
  });

  it.each<[Record<string, unknown>]>([
    [{ perPage: 100 }],
    [{ perPage: 7, orderBy: 'UPDATED_AT', direction: 'ASC' }],
    [{ perPage: 13, orderBy: 'comments', direction: 'desc' }],
    [{ perPage: 30, state: 'closed' }],
  ])('pages through every issue exactly once with cursors (%j)', async (args) => {
    const all = await pageAll(client, args);
    const numbers = all.map((i) => i['number'] as number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const expected = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].filter(
      (i) => i.pull === null && (args['state'] === undefined || i.state === args['state']),
    ).length;
    expect(numbers).toHaveLength(expected);
  });

  it('keeps keyset cursors stable when issues are edited between pages (UPDATED_AT ASC)', async () => {
    const local = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 60, comments: 0, pullRequests: 0 }],
    });
    const c = await connect(local);
    try {
      const first = await callJson<Page>(c, 'list_issues', {
        ...REPO,
        perPage: 10,
        orderBy: 'UPDATED_AT',
        direction: 'ASC',
      });
      const seenEarly = first.issues[0]?.['number'] as number;
      const sorted = [...(local.store.repo('acme', 'web')?.items.values() ?? [])].sort((a, b) =>
        a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : a.number - b.number,
      );
      const notYetSeen = sorted[40]?.number as number;
      for (const n of [seenEarly, notYetSeen]) {
        expect(
          (await admin(local, 'PATCH', `/repos/acme/web/issues/${n}`, { title: `edited ${n}` })).status,
        ).toBe(200);
      }
      const rest = await pageAll(c, {
        perPage: 10,
        orderBy: 'UPDATED_AT',
        direction: 'ASC',
        after: first.pageInfo.endCursor,
      });
      const numbers = [...first.issues, ...rest].map((i) => i['number'] as number);
      expect(new Set(numbers).size).toBe(60);
      expect(numbers.filter((n) => n === notYetSeen)).toHaveLength(1);
      expect(numbers.filter((n) => n === seenEarly)).toHaveLength(2);
      expect(rest.slice(-2).map((i) => i['title'])).toEqual([`edited ${seenEarly}`, `edited ${notYetSeen}`]);
    } finally {
      await c.close();
      await local.close();
    }
  });

  it('rejects page with the cursor hint and perPage > 100 with a JSON-RPC error code 0', async () => {
    expect(await call(client, 'list_issues', { ...REPO, page: 2 })).toEqual({
      isError: true,
      text: "This tool uses cursor-based pagination. Use the 'after' parameter with the 'endCursor' value from the previous response instead of 'page'.",
    });
    expect(await callError(client, 'list_issues', { ...REPO, perPage: 101 })).toEqual({
      code: 0,
      message: 'MCP error 0: perPage value 101 exceeds maximum of 100',
    });
    expect(await callError(client, 'list_issues', { ...REPO, after: 5 })).toEqual({
      code: 0,
      message: 'MCP error 0: parameter after is not of type string, is float64',
    });
    expect((await call(client, 'list_issues', { ...REPO, after: 'bm9wZQ==' })).text).toBe(
      'failed to list issues: `bm9wZQ==` does not appear to be a valid cursor.',
    );
  });

  it('filters by since on updated_at (RFC 3339 or date) and rejects other formats', async () => {
    const issues = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].filter((i) => i.pull === null);
    const pivot = [...issues].sort((a, b) => (a.updated_at < b.updated_at ? -1 : 1))[150]
      ?.updated_at as string;
    const expected = issues.filter((i) => i.updated_at >= pivot).length;
    const page = await callJson<Page>(client, 'list_issues', { ...REPO, since: pivot, perPage: 100 });
    expect(page.totalCount).toBe(expected);
    for (const i of page.issues) expect((i['updated_at'] as string) >= pivot).toBe(true);
    const byDate = await callJson<Page>(client, 'list_issues', { ...REPO, since: '2030-01-01' });
    expect(byDate).toEqual({
      issues: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false },
    });
    expect(await call(client, 'list_issues', { ...REPO, since: '01/02/2026' })).toEqual({
      isError: true,
      text: 'failed to list issues: invalid ISO 8601 timestamp: 01/02/2026 (supported formats: YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DD)',
    });
  });

  it('filters labels with any-of semantics and state case-insensitively; bad orderBy falls back', async () => {
    const issues = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].filter((i) => i.pull === null);
    const expected = issues.filter(
      (i) => i.state === 'open' && (i.labels.includes('bug') || i.labels.includes('question')),
    );
    const page = await callJson<Page>(client, 'list_issues', {
      ...REPO,
      labels: ['bug', 'QUESTION'],
      state: 'open',
      perPage: 100,
    });
    expect(page.totalCount).toBe(expected.length);
    const fallback = await callJson<Page>(client, 'list_issues', {
      ...REPO,
      orderBy: 'popularity',
      direction: 'sideways',
    });
    const defaults = await callJson<Page>(client, 'list_issues', REPO);
    expect(fallback.issues).toEqual(defaults.issues);
  });

  it('returns only the requested fields, sorted, with a sorted top level', async () => {
    const text = (
      await call(client, 'list_issues', { ...REPO, perPage: 1, fields: ['title', 'number', 'nope'] })
    ).text;
    expect(text).toMatch(
      /^\{"issues":\[\{"number":\d+,"title":"[^"]*"\}\],"pageInfo":\{.*\},"totalCount":\d+\}$/,
    );
  });

  it('answers the GraphQL error for unknown repositories', async () => {
    expect(await call(client, 'list_issues', { owner: 'acme', repo: 'nope' })).toEqual({
      isError: true,
      text: "failed to list issues: Could not resolve to a Repository with the name 'acme/nope'.",
    });
    expect(await call(client, 'list_issues', { owner: '', repo: 'web' })).toEqual({
      isError: true,
      text: 'missing required parameter: owner',
    });
  });
});
