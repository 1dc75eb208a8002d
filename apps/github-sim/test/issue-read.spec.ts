import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator, SimIssue } from '../src/index.js';
import { admin, call, callError, callJson, connect, rawCall, startTestSim } from './helpers.js';

const REPO = { owner: 'acme', repo: 'web' };
const ZERO_REACTIONS =
  '{"total_count":0,"+1":0,"-1":0,"laugh":0,"confused":0,"heart":0,"hooray":0,"rocket":0,"eyes":0}';

describe('issue_read', () => {
  let sim: RunningSimulator;
  let client: Client;
  let fixed: SimIssue;

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 80, comments: 200, pullRequests: 40 }],
    });
    client = await connect(sim);
    const created = await admin(sim, 'POST', '/repos/acme/web/issues', {
      title: `Fix "quotes" & <tags> don't`,
      body: 'line1\r\nline2 <script>alert(1)</script>',
      labels: ['bug'],
      assignees: ['octocat'],
      user: 'mona',
    });
    expect(created.status).toBe(201);
    fixed = created.json as SimIssue;
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  function expectedText(extra: string, state = '"state":"open"'): string {
    const mona = sim.store.findUser('mona');
    const n = fixed.number;
    return (
      `{"number":${n},"title":"Fix \\u0026#34;quotes\\u0026#34; \\u0026amp;  don\\u0026#39;t","body":"line1\\nline2 ",${state},` +
      `"html_url":"https://github.com/acme/web/issues/${n}",` +
      `"user":{"login":"mona","id":${mona?.id},"profile_url":"https://github.com/mona","avatar_url":"https://avatars.githubusercontent.com/u/${mona?.id}?v=4"},` +
      `"author_association":"MEMBER","labels":["bug"],"assignees":["octocat"],"reactions":${ZERO_REACTIONS},${extra}` +
      `"has_parent":false,"has_children":false,"closed_by_pull_requests":{"total_count":0,"references":[]}}`
    );
  }

  it('get answers the REST MinimalIssue, key order and sanitisation included, without id/node_id', async () => {
    const result = await call(client, 'issue_read', { method: 'get', ...REPO, issue_number: fixed.number });
    expect(result.isError).toBe(false);
    expect(result.text).toBe(
      expectedText('"created_at":"2026-09-01T00:00:00Z","updated_at":"2026-09-01T00:00:00Z",'),
    );
  });

  it('get shows state_reason, closed_at and closed_by after closing', async () => {
    const patched = await admin(sim, 'PATCH', `/repos/acme/web/issues/${fixed.number}`, {
      state: 'closed',
      state_reason: 'not_planned',
      user: 'hubot',
    });
    expect(patched.status).toBe(200);
    const result = await call(client, 'issue_read', {
      method: 'get',
      ...REPO,
      issue_number: String(fixed.number),
    });
    expect(result.text).toBe(
      expectedText(
        '"created_at":"2026-09-01T00:00:00Z","updated_at":"2026-09-01T00:00:01Z","closed_at":"2026-09-01T00:00:01Z","closed_by":"hubot",',
        '"state":"closed","state_reason":"not_planned"',
      ),
    );
  });

  it('get lists the pull requests that close an issue, open first, from closing keywords', async () => {
    const state = sim.store.repo('acme', 'web');
    const target = [...(state?.items.values() ?? [])].find(
      (i) => i.pull === null && (state?.closingPullRequests(i.number).length ?? 0) > 0,
    );
    expect(target).toBeDefined();
    const prs = state?.closingPullRequests(target?.number ?? 0) ?? [];
    const issue = await callJson<{
      closed_by_pull_requests: { total_count: number; references: Record<string, unknown>[] };
    }>(client, 'issue_read', { method: 'get', ...REPO, issue_number: target?.number });
    expect(issue.closed_by_pull_requests.total_count).toBe(prs.length);
    const first = issue.closed_by_pull_requests.references[0];
    expect(Object.keys(first ?? {})).toEqual(['number', 'title', 'state', 'url', 'repository']);
    expect(first?.['url']).toBe(`https://github.com/acme/web/pull/${first?.['number']}`);
    const states = issue.closed_by_pull_requests.references.map((r) => r['state']);
    const rank = (s: unknown): number => ['OPEN', 'MERGED', 'CLOSED'].indexOf(String(s));
    expect(states.map(rank)).toEqual([...states].map(rank).sort());
  });

  it('get of a pull request number answers it as an issue', async () => {
    const pr = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].find((i) => i.pull !== null);
    const issue = await callJson(client, 'issue_read', { method: 'get', ...REPO, issue_number: pr?.number });
    expect(issue['html_url']).toBe(`https://github.com/acme/web/pull/${pr?.number}`);
  });

  it('get failures are JSON-RPC errors with code 0 (404, 410 for deleted issues)', async () => {
    expect(await callError(client, 'issue_read', { method: 'get', ...REPO, issue_number: 9999 })).toEqual({
      code: 0,
      message:
        'MCP error 0: failed to get issue: GET https://api.github.com/repos/acme/web/issues/9999: 404 Not Found []',
    });
    const victim = await admin(sim, 'POST', '/repos/acme/web/issues', { title: 'to be deleted' });
    const n = (victim.json as SimIssue).number;
    expect((await admin(sim, 'DELETE', `/repos/acme/web/issues/${n}`)).status).toBe(204);
    const raw = await rawCall(sim, 'issue_read', { method: 'get', ...REPO, issue_number: n });
    expect(raw['error']).toEqual({
      code: 0,
      message: `failed to get issue: GET https://api.github.com/repos/acme/web/issues/${n}: 410 This issue was deleted []`,
    });
  });

  it('get_comments pages oldest first with page/perPage and ends with a short page', async () => {
    const created = await admin(sim, 'POST', '/repos/acme/web/issues', { title: 'chatty' });
    const n = (created.json as SimIssue).number;
    for (const body of ['one', 'two', "three's", 'four', 'five']) {
      expect(
        (await admin(sim, 'POST', `/repos/acme/web/issues/${n}/comments`, { body, user: 'newcomer' })).status,
      ).toBe(201);
    }
    const pages: unknown[][] = [];
    for (const page of [1, 2, 3, 4]) {
      pages.push(
        await callJson<unknown[]>(client, 'issue_read', {
          method: 'get_comments',
          ...REPO,
          issue_number: n,
          page,
          perPage: 2,
        }),
      );
    }
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1, 0]);
    const bodies = pages.flat().map((c) => (c as Record<string, unknown>)['body']);
    expect(bodies).toEqual(['one', 'two', 'three&#39;s', 'four', 'five']);
    const text = (
      await call(client, 'issue_read', { method: 'get_comments', ...REPO, issue_number: n, perPage: 1 })
    ).text;
    const first = sim.store.repo('acme', 'web')?.commentsOf(n)[0];
    const newcomer = sim.store.findUser('newcomer');
    expect(text).toBe(
      `[{"id":${first?.id},"body":"one","html_url":"https://github.com/acme/web/issues/${n}#issuecomment-${first?.id}",` +
        `"user":{"login":"newcomer","id":${newcomer?.id},"profile_url":"https://github.com/newcomer","avatar_url":"https://avatars.githubusercontent.com/u/${newcomer?.id}?v=4"},` +
        `"author_association":"NONE","reactions":${ZERO_REACTIONS},"created_at":"${first?.created_at}","updated_at":"${first?.updated_at}"}]`,
    );
    expect(
      await callError(client, 'issue_read', { method: 'get_comments', ...REPO, issue_number: 9999 }),
    ).toEqual({
      code: 0,
      message:
        'MCP error 0: failed to get issue comments: GET https://api.github.com/repos/acme/web/issues/9999/comments?page=1&per_page=30: 404 Not Found []',
    });
  });

  it('get_labels, get_sub_issues and get_parent answer their small shapes', async () => {
    const label = sim.store.repo('acme', 'web')?.findLabel('bug');
    expect(
      (await call(client, 'issue_read', { method: 'get_labels', ...REPO, issue_number: fixed.number })).text,
    ).toBe(
      `{"labels":[{"color":"d73a4a","description":"Something isn't working","id":"${label?.node_id}","name":"bug"}],"totalCount":1}`,
    );
    expect(
      (await call(client, 'issue_read', { method: 'get_sub_issues', ...REPO, issue_number: fixed.number }))
        .text,
    ).toBe('[]');
    expect(
      (await call(client, 'issue_read', { method: 'get_parent', ...REPO, issue_number: fixed.number })).text,
    ).toBe('{"parent":null}');
    expect(await call(client, 'issue_read', { method: 'get_labels', ...REPO, issue_number: 9999 })).toEqual({
      isError: true,
      text: 'Failed to get issue labels: Could not resolve to an Issue with the number of 9999.',
    });
    expect(
      await call(client, 'issue_read', { method: 'get_sub_issues', ...REPO, issue_number: 9999 }),
    ).toEqual({
      isError: true,
      text: 'failed to list sub-issues: GET https://api.github.com/repos/acme/web/issues/9999/sub_issues?page=1&per_page=30: 404 Not Found []',
    });
  });

  it('validates parameters like the upstream helpers', async () => {
    const base = { method: 'get', ...REPO };
    expect((await call(client, 'issue_read', { ...base, issue_number: 1.5 })).text).toBe(
      'parameter issue_number is not a valid number: non-integer numeric value: 1.5',
    );
    expect((await call(client, 'issue_read', { ...base, issue_number: 0 })).text).toBe(
      'missing required parameter: issue_number',
    );
    expect((await call(client, 'issue_read', { ...base, issue_number: 'abc' })).text).toBe(
      'parameter issue_number is not a valid number: invalid numeric value: abc',
    );
    expect((await call(client, 'issue_read', { ...base, repo: 5, issue_number: 1 })).text).toBe(
      'parameter repo is not of type string',
    );
    expect(
      (await call(client, 'issue_read', { ...base, method: 'get_everything', issue_number: 1 })).text,
    ).toBe('unknown method: get_everything');
    const ignored = await call(client, 'issue_read', { ...base, issue_number: fixed.number, bogus: true });
    expect(ignored.isError).toBe(false);
  });
});
