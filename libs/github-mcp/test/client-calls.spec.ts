import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GitHubMcpClientFactory } from '#libs/github-mcp';
import { comment, issue42, listIssuesPage, me, pullRequest57, repoSearch } from './support/fixtures.js';
import { testClientFactory } from './support/client-factory.js';
import { type FakeMcpServer, jsonResult, startFakeMcpServer } from './support/fake-mcp-server.js';

describe('GitHubMcpClient wrappers against an in-test MCP server', () => {
  let server: FakeMcpServer;
  let factory: GitHubMcpClientFactory;

  beforeAll(async () => {
    server = await startFakeMcpServer();
  });
  beforeEach(() => {
    server.calls.length = 0;
    factory = testClientFactory(server.url);
  });
  afterEach(async () => {
    await factory.closeAll();
  });
  afterAll(async () => {
    await server.close();
  });

  it('listIssues sends cursor arguments only and returns decoded, defaulted issues', async () => {
    server.setTool('list_issues', () => jsonResult(listIssuesPage));
    const client = factory.forToken('ghp_calls');
    const page = await client.listIssues({
      owner: 'acme',
      repo: 'web',
      perPage: 50,
      after: 'CURSOR',
      since: new Date('2026-08-01T12:00:00.789Z'),
      orderBy: 'UPDATED_AT',
      direction: 'ASC',
    });
    expect(server.calls[0]?.args).toEqual({
      owner: 'acme',
      repo: 'web',
      perPage: 50,
      after: 'CURSOR',
      since: '2026-08-01T12:00:00Z',
      orderBy: 'UPDATED_AT',
      direction: 'ASC',
    });
    expect(server.calls[0]?.args).not.toHaveProperty('page');
    expect(page.totalCount).toBe(57);
    expect(page.pageInfo).toEqual(
      expect.objectContaining({ hasNextPage: true, endCursor: 'Y3Vyc29yOnYyOpHOAAAAKg==' }),
    );
    const [first, second] = page.issues;
    expect(first?.title).toBe("Login fails after password reset & 'remember me'");
    expect(first?.body).toBe('Steps: 1. reset 2. login <b> a &amp; b');
    expect(first?.labels).toEqual(['bug', 'a&b']);
    expect(first?.field_values).toEqual([{ field: 'Priority', value: 'P1' }]);
    expect(second).toEqual(
      expect.objectContaining({
        body: '',
        comments: 0,
        labels: [],
        state: 'CLOSED',
        user: { login: 'hubot' },
      }),
    );
  });

  it('getIssue uses issue_read get and decodes nested titles', async () => {
    server.setTool('issue_read', () => jsonResult(issue42));
    const issue = await factory.forToken('ghp_calls').getIssue('acme', 'web', 42);
    expect(server.calls[0]?.args).toEqual({ method: 'get', owner: 'acme', repo: 'web', issue_number: 42 });
    expect(issue.title).toBe('Login fails "after" reset');
    expect(issue.body).toBe('Steps to reproduce…');
    expect(issue.state).toBe('closed');
    expect(issue.state_reason).toBe('completed');
    expect(issue.parent?.title).toBe('Epic: auth & revamp');
    expect(issue.closed_by_pull_requests?.references[0]?.number).toBe(57);
  });

  it('listAllIssueComments pages with page/perPage until a short page', async () => {
    const all = Array.from({ length: 5 }, (_, i) => comment(1000 + i, `c&amp;${i}`));
    server.setTool('issue_read', ({ args }) => {
      const page = Number(args.page);
      const perPage = Number(args.perPage);
      return jsonResult(all.slice((page - 1) * perPage, page * perPage));
    });
    const comments = await factory.forToken('ghp_calls').listAllIssueComments('acme', 'web', 42, 2);
    expect(comments.map((c) => c.id)).toEqual([1000, 1001, 1002, 1003, 1004]);
    expect(comments[4]?.body).toBe('c&4');
    expect(server.calls.map((c) => c.args.page)).toEqual([1, 2, 3]);
    expect(server.calls[0]?.args).toEqual({
      method: 'get_comments',
      owner: 'acme',
      repo: 'web',
      issue_number: 42,
      page: 1,
      perPage: 2,
    });
  });

  it('listAllIssueComments asks for one more page after an exactly full last page', async () => {
    const all = [comment(1), comment(2)];
    server.setTool('issue_read', ({ args }) => jsonResult(Number(args.page) === 1 ? all : []));
    const comments = await factory.forToken('ghp_calls').listAllIssueComments('acme', 'web', 42, 2);
    expect(comments).toHaveLength(2);
    expect(server.calls).toHaveLength(2);
  });

  it('getIssueLabels does not decode label text', async () => {
    server.setTool('issue_read', () =>
      jsonResult({
        labels: [{ color: 'd73a4a', description: 'a &amp; b', id: 'LA_1', name: 'x&amp;y' }],
        totalCount: 1,
      }),
    );
    const labels = await factory.forToken('ghp_calls').getIssueLabels('acme', 'web', 42);
    expect(server.calls[0]?.args.method).toBe('get_labels');
    expect(labels).toEqual({
      labels: [{ color: 'd73a4a', description: 'a &amp; b', id: 'LA_1', name: 'x&amp;y' }],
      totalCount: 1,
    });
  });

  it('getMe, searchRepositories, listPullRequests and getPullRequest', async () => {
    server.setTool('get_me', () => jsonResult(me));
    server.setTool('search_repositories', () => jsonResult(repoSearch));
    server.setTool('list_pull_requests', () => jsonResult([pullRequest57]));
    server.setTool('pull_request_read', () => jsonResult({ ...pullRequest57, merged: true, additions: 4 }));
    const client = factory.forToken('ghp_calls');

    expect((await client.getMe()).login).toBe('octocat');
    const repos = await client.searchRepositories({ query: 'repo:acme/web', page: 1, perPage: 10 });
    expect(repos.items[0]).toEqual(
      expect.objectContaining({ full_name: 'acme/web', private: true, topics: [] }),
    );
    const prs = await client.listPullRequests({
      owner: 'acme',
      repo: 'web',
      state: 'all',
      page: 2,
      perPage: 30,
    });
    expect(prs[0]).toEqual(
      expect.objectContaining({
        title: 'Fix reset flow & cleanup',
        merged: false,
        assignees: [],
        additions: 0,
      }),
    );
    const pr = await client.getPullRequest('acme', 'web', 57);
    expect(pr).toEqual(expect.objectContaining({ merged: true, additions: 4 }));

    expect(server.calls.map((c) => [c.tool, c.args])).toEqual([
      ['get_me', {}],
      ['search_repositories', { query: 'repo:acme/web', page: 1, perPage: 10, minimal_output: true }],
      ['list_pull_requests', { owner: 'acme', repo: 'web', state: 'all', page: 2, perPage: 30 }],
      ['pull_request_read', { method: 'get', owner: 'acme', repo: 'web', pullNumber: 57 }],
    ]);
  });

  it('issueWrite parses the issue number from the url; addIssueComment returns id and url', async () => {
    server.setTool('issue_write', () =>
      jsonResult({ id: '3312345678', url: 'https://github.com/acme/web/issues/58' }),
    );
    server.setTool('add_issue_comment', () =>
      jsonResult({ id: '2345678999', url: 'https://github.com/acme/web/issues/58#issuecomment-2345678999' }),
    );
    const client = factory.forToken('ghp_calls');
    const created = await client.issueWrite({
      method: 'create',
      owner: 'acme',
      repo: 'web',
      title: 'T',
      body: 'B',
    });
    expect(created).toEqual({ id: '3312345678', url: 'https://github.com/acme/web/issues/58', number: 58 });
    await client.issueWrite({
      method: 'update',
      owner: 'acme',
      repo: 'web',
      issue_number: 58,
      state: 'closed',
      state_reason: 'not_planned',
      labels: [],
      type: null,
    });
    const added = await client.addIssueComment({ owner: 'acme', repo: 'web', issue_number: 58, body: 'hi' });
    expect(added).toEqual({
      id: '2345678999',
      url: 'https://github.com/acme/web/issues/58#issuecomment-2345678999',
    });
    expect(server.calls.map((c) => c.args)).toEqual([
      { method: 'create', owner: 'acme', repo: 'web', title: 'T', body: 'B' },
      {
        method: 'update',
        owner: 'acme',
        repo: 'web',
        issue_number: 58,
        state: 'closed',
        state_reason: 'not_planned',
        labels: [],
        type: null,
      },
      { owner: 'acme', repo: 'web', issue_number: 58, body: 'hi' },
    ]);
  });
});
