import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator, SimIssue } from '../src/index.js';
import { admin, call, callError, callJson, connect, startTestSim } from './helpers.js';

const REPO = { owner: 'acme', repo: 'web' };
const PR_KEYS = [
  'number',
  'title',
  'body',
  'state',
  'draft',
  'merged',
  'mergeable_state',
  'html_url',
  'user',
  'labels',
  'assignees',
  'requested_reviewers',
  'merged_by',
  'head',
  'base',
  'additions',
  'deletions',
  'changed_files',
  'commits',
  'comments',
  'created_at',
  'updated_at',
  'closed_at',
  'merged_at',
  'milestone',
];

function inOrder(keys: string[]): string[] {
  return PR_KEYS.filter((k) => keys.includes(k));
}

describe('pull requests and repository search', () => {
  let sim: RunningSimulator;
  let client: Client;
  let pulls: SimIssue[];

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [
        { owner: 'acme', name: 'web', issues: 30, comments: 30, pullRequests: 45 },
        {
          owner: 'acme',
          name: 'secret-api',
          issues: 3,
          comments: 0,
          pullRequests: 0,
          private: true,
          description: 'Internal API',
        },
        { owner: 'octocat', name: 'hello-world', issues: 2, comments: 0, pullRequests: 0 },
      ],
    });
    client = await connect(sim);
    pulls = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].filter((i) => i.pull !== null);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it('list_pull_requests: open by default, newest first, list-endpoint quirks', async () => {
    const list = await callJson<Record<string, unknown>[]>(client, 'list_pull_requests', {
      ...REPO,
      perPage: 100,
    });
    const open = pulls
      .filter((p) => p.state === 'open')
      .sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
    expect(list.map((p) => p['number'])).toEqual(open.map((p) => p.number));
    for (const pr of list) {
      expect(Object.keys(pr)).toEqual(inOrder(Object.keys(pr)));
      expect(pr['merged']).toBe(false);
      expect(typeof pr['draft']).toBe('boolean');
      for (const absent of [
        'additions',
        'deletions',
        'changed_files',
        'commits',
        'comments',
        'mergeable_state',
        'merged_by',
      ]) {
        expect(pr).not.toHaveProperty(absent);
      }
      expect(Object.keys(pr['head'] as object)).toEqual(['ref', 'sha', 'repo']);
    }
  });

  it('list_pull_requests: state all/closed, direction, paging, merged_at without merged', async () => {
    const all = await callJson<Record<string, unknown>[]>(client, 'list_pull_requests', {
      ...REPO,
      state: 'all',
      direction: 'asc',
      perPage: 100,
    });
    expect(all.map((p) => p['number'])).toEqual(
      [...pulls].sort((a, b) => (a.created_at < b.created_at ? -1 : 1)).map((p) => p.number),
    );
    const merged = all.find((p) => p['merged_at'] !== undefined);
    expect(merged?.['merged']).toBe(false);
    const page2 = await callJson<unknown[]>(client, 'list_pull_requests', {
      ...REPO,
      state: 'all',
      page: 2,
      perPage: 40,
    });
    expect(page2).toHaveLength(5);
    const closed = await callJson<Record<string, unknown>[]>(client, 'list_pull_requests', {
      ...REPO,
      state: 'closed',
      perPage: 100,
    });
    expect(closed.every((p) => p['state'] === 'closed')).toBe(true);
    const fields = (
      await call(client, 'list_pull_requests', { ...REPO, perPage: 1, fields: ['title', 'number'] })
    ).text;
    expect(fields).toMatch(/^\[\{"number":\d+,"title":"[^"]*"\}\]$/);
  });

  it('pull_request_read get answers the full MinimalPullRequest; a merged one says merged:true', async () => {
    const mergedPr = pulls.find((p) => p.pull?.merged);
    const pr = await callJson(client, 'pull_request_read', {
      method: 'get',
      ...REPO,
      pullNumber: mergedPr?.number,
    });
    expect(Object.keys(pr)).toEqual(inOrder(Object.keys(pr)));
    expect(pr).toMatchObject({
      number: mergedPr?.number,
      state: 'closed',
      merged: true,
      merged_by: mergedPr?.pull?.merged_by,
      merged_at: mergedPr?.pull?.merged_at,
      mergeable_state: 'unknown',
      html_url: `https://github.com/acme/web/pull/${mergedPr?.number}`,
    });
    expect(pr['additions']).toBe(mergedPr?.pull?.additions);
  });

  it('pull_request_read get: 404 is an isError result; get_comments failures are JSON-RPC errors', async () => {
    const issueNumber = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].find(
      (i) => i.pull === null,
    )?.number;
    expect(
      await call(client, 'pull_request_read', { method: 'get', ...REPO, pullNumber: issueNumber }),
    ).toEqual({
      isError: true,
      text: `failed to get pull request: GET https://api.github.com/repos/acme/web/pulls/${issueNumber}: 404 Not Found []`,
    });
    expect(
      await callError(client, 'pull_request_read', { method: 'get_comments', ...REPO, pullNumber: 9999 }),
    ).toEqual({
      code: 0,
      message:
        'MCP error 0: failed to get issue comments: GET https://api.github.com/repos/acme/web/issues/9999/comments?page=1&per_page=30: 404 Not Found []',
    });
    const pr = pulls[0] as SimIssue;
    await admin(sim, 'POST', `/repos/acme/web/issues/${pr.number}/comments`, { body: 'LGTM' });
    const comments = await callJson<Record<string, unknown>[]>(client, 'pull_request_read', {
      method: 'get_comments',
      ...REPO,
      pullNumber: pr.number,
    });
    expect(comments.at(-1)?.['html_url']).toMatch(
      new RegExp(`/acme/web/pull/${pr.number}#issuecomment-\\d+$`),
    );
  });

  it('search_repositories: repo:, user:/org: and free text, minimal output', async () => {
    const exact = await callJson<{ total_count: number; items: Record<string, unknown>[] }>(
      client,
      'search_repositories',
      { query: 'repo:acme/web' },
    );
    expect(exact.total_count).toBe(1);
    expect(Object.keys(exact.items[0] ?? {})).toEqual(
      [
        'id',
        'name',
        'full_name',
        'description',
        'html_url',
        'language',
        'stargazers_count',
        'forks_count',
        'open_issues_count',
        'updated_at',
        'created_at',
        'topics',
        'private',
        'fork',
        'archived',
        'default_branch',
      ].filter((k) => k in (exact.items[0] ?? {})),
    );
    expect(exact.items[0]).toMatchObject({ full_name: 'acme/web', private: false, default_branch: 'main' });
    const org = await callJson<{ items: { full_name: string }[] }>(client, 'search_repositories', {
      query: 'org:acme',
    });
    expect(org.items.map((i) => i.full_name)).toEqual(['acme/secret-api', 'acme/web']);
    const text = await callJson<{ items: { full_name: string }[] }>(client, 'search_repositories', {
      query: 'hello',
    });
    expect(text.items.map((i) => i.full_name)).toEqual(['octocat/hello-world']);
  });

  it('search_repositories hides private repositories from users without access (422 for repo:)', async () => {
    sim.store.registerToken('ghp_' + 'o'.repeat(36), 'outsider');
    const outsider = await connect(sim, 'ghp_' + 'o'.repeat(36));
    const org = await callJson<{ items: { full_name: string }[] }>(outsider, 'search_repositories', {
      query: 'org:acme',
    });
    expect(org.items.map((i) => i.full_name)).toEqual(['acme/web']);
    expect(await call(outsider, 'search_repositories', { query: 'repo:acme/secret-api' })).toEqual({
      isError: true,
      text:
        "failed to search repositories with query 'repo:acme/secret-api': Validation Failed\n" +
        'Search.q (invalid): The listed users and repositories cannot be searched either because the resources do not exist or you do not have permission to view them.',
    });
    expect((await call(outsider, 'list_issues', { owner: 'acme', repo: 'secret-api' })).text).toBe(
      "failed to list issues: Could not resolve to a Repository with the name 'acme/secret-api'.",
    );
    await outsider.close();
  });
});
