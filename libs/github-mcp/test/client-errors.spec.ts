import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  GitHubMcpClientFactory,
  GitHubMcpError,
  McpInvalidRequestError,
  McpNotFoundError,
  McpProtocolError,
  McpRateLimitError,
  McpTransientError,
  McpUnauthorizedError,
} from '#libs/github-mcp';
import { issue42, listIssuesPage } from './support/fixtures.js';
import { testClientFactory } from './support/client-factory.js';
import {
  type FakeMcpServer,
  jsonResult,
  rpcError,
  startFakeMcpServer,
  toolError,
} from './support/fake-mcp-server.js';

const TOKEN = 'ghp_secretTOKEN123456';

async function failure(promise: Promise<unknown>): Promise<GitHubMcpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitHubMcpError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('error channels end-to-end', () => {
  let server: FakeMcpServer;
  let factory: GitHubMcpClientFactory;

  beforeAll(async () => {
    server = await startFakeMcpServer();
  });
  beforeEach(() => {
    server.setHttpHook(undefined);
    factory = testClientFactory(server.url);
  });
  afterEach(async () => {
    await factory.closeAll();
  });
  afterAll(async () => {
    await server.close();
  });

  it('isError 404 → McpNotFoundError with tool, method and status', async () => {
    server.setTool('issue_write', () =>
      toolError(
        'failed to update issue: PATCH https://api.github.com/repos/acme/web/issues/999: 404 Not Found []',
      ),
    );
    const error = await failure(
      factory.forToken(TOKEN).issueWrite({ method: 'update', owner: 'acme', repo: 'web', issue_number: 999 }),
    );
    expect(error).toBeInstanceOf(McpNotFoundError);
    expect(error).toMatchObject({ kind: 'not_found', tool: 'issue_write', method: 'update', status: 404 });
    expect(error.message).toContain('issue_write update failed: failed to update issue');
  });

  it('JSON-RPC error with code 0 (issue_read get) → McpNotFoundError without the SDK prefix', async () => {
    server.setTool('issue_read', () => {
      throw rpcError(
        'failed to get issue: GET https://api.github.com/repos/o/r/issues/999: 404 Not Found []',
      );
    });
    const error = await failure(factory.forToken(TOKEN).getIssue('o', 'r', 999));
    expect(error).toBeInstanceOf(McpNotFoundError);
    expect(error).toMatchObject({ rpcCode: 0, status: 404, method: 'get' });
    expect(error.message).toBe(
      'issue_read get failed: failed to get issue: GET https://api.github.com/repos/o/r/issues/999: 404 Not Found []',
    );
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('JSON-RPC code 0 401 on get_comments → McpUnauthorizedError', async () => {
    server.setTool('issue_read', () => {
      throw rpcError(
        'failed to get issue comments: GET https://api.github.com/repos/o/r/issues/1/comments: 401 Bad credentials []',
      );
    });
    const error = await failure(
      factory.forToken(TOKEN).getIssueComments('o', 'r', 1, { page: 1, perPage: 10 }),
    );
    expect(error).toBeInstanceOf(McpUnauthorizedError);
  });

  it('isError rate limit → McpRateLimitError with resetAt, not retried', async () => {
    const retrying = testClientFactory(server.url, { maxRetries: 3 });
    server.setTool('list_issues', () =>
      toolError('failed to list issues: API rate limit exceeded for user ID 1.'),
    );
    server.setTool('search_repositories', () =>
      toolError(
        "failed to search repositories with query 'x': GitHub API rate limit exceeded. Retry after 12m34s.",
      ),
    );
    const before = Date.now();
    const search = await failure(
      retrying.forToken(TOKEN).searchRepositories({ query: 'x', page: 1, perPage: 5 }),
    );
    expect(search).toBeInstanceOf(McpRateLimitError);
    const limited = search as McpRateLimitError;
    expect(limited.retryAfterMs).toBe(754_000);
    expect(limited.resetAt?.getTime()).toBeGreaterThanOrEqual(before + 754_000);
    expect(limited.resetAt?.getTime()).toBeLessThanOrEqual(Date.now() + 754_000);

    const graphql = await failure(
      retrying.forToken(TOKEN).listIssues({ owner: 'o', repo: 'r', perPage: 10 }),
    );
    expect(graphql).toBeInstanceOf(McpRateLimitError);
    expect((graphql as McpRateLimitError).resetAt).toBeUndefined();
    expect(
      server.calls.filter((c) => c.tool === 'list_issues' || c.tool === 'search_repositories'),
    ).toHaveLength(2);
    await retrying.closeAll();
  });

  it('validation messages, JSON-RPC perPage error and unknown tool → McpInvalidRequestError', async () => {
    server.setTool('list_issues', ({ args }) => {
      if (Number(args.perPage) > 100)
        throw rpcError(`perPage value ${String(args.perPage)} exceeds maximum of 100`);
      return toolError('missing required parameter: owner');
    });
    const client = factory.forToken(TOKEN);
    const tooBig = await failure(client.listIssues({ owner: 'o', repo: 'r', perPage: 101 }));
    expect(tooBig).toBeInstanceOf(McpInvalidRequestError);
    expect(tooBig.rpcCode).toBe(0);
    expect(await failure(client.listIssues({ owner: '', repo: 'r', perPage: 1 }))).toBeInstanceOf(
      McpInvalidRequestError,
    );
    const unknown = await failure(client.getMe());
    expect(unknown).toBeInstanceOf(McpInvalidRequestError);
    expect(unknown.rpcCode).toBe(-32602);
    expect(unknown.message).toBe('get_me failed: unknown tool "get_me"');
  });

  it('a 5xx GitHub answer inside a tool error → McpTransientError (upstream)', async () => {
    server.setTool('list_pull_requests', () =>
      toolError(
        'failed to list pull requests: GET https://api.github.com/repos/o/r/pulls: 502 Bad Gateway []',
      ),
    );
    const error = await failure(
      factory.forToken(TOKEN).listPullRequests({ owner: 'o', repo: 'r', page: 1, perPage: 5 }),
    );
    expect(error).toBeInstanceOf(McpTransientError);
    expect(error).toMatchObject({ reason: 'upstream', status: 502 });
  });

  it('HTTP 401 from the endpoint → McpUnauthorizedError, and the token never appears in the message', async () => {
    server.setHttpHook(({ token }, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end(`bad token ${token ?? ''}`);
      return true;
    });
    const error = await failure(factory.forToken(TOKEN).getMe());
    expect(error).toBeInstanceOf(McpUnauthorizedError);
    expect(error.status).toBe(401);
    expect(error.message).toContain('bad token [REDACTED]');
    expect(error.message).not.toContain(TOKEN);
    expect(String((error.cause as Error).message)).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('HTTP 500 from the endpoint → McpTransientError (http)', async () => {
    server.setHttpHook((info, res) => {
      if (info.rpcMethod !== 'tools/call') return false;
      res.writeHead(500).end('internal');
      return true;
    });
    const error = await failure(factory.forToken(TOKEN).getIssue('o', 'r', 1));
    expect(error).toBeInstanceOf(McpTransientError);
    expect(error).toMatchObject({ reason: 'http', status: 500 });
  });

  it('connection refused → McpTransientError (network, not delivered)', async () => {
    const closed = await startFakeMcpServer();
    await closed.close();
    const nowhere = testClientFactory(closed.url, { timeoutMs: 2000 });
    const error = await failure(nowhere.forToken(TOKEN).getMe());
    expect(error).toBeInstanceOf(McpTransientError);
    expect(error).toMatchObject({ reason: 'network', notDelivered: true });
    await nowhere.closeAll();
  });

  it('a result of the wrong shape → McpProtocolError naming the bad path', async () => {
    const bad = { ...listIssuesPage, issues: [{ ...listIssuesPage.issues[0], state: 'open' }] };
    server.setTool('list_issues', () => jsonResult(bad));
    const error = await failure(factory.forToken(TOKEN).listIssues({ owner: 'o', repo: 'r', perPage: 10 }));
    expect(error).toBeInstanceOf(McpProtocolError);
    expect(error.message).toContain('issues.0.state');
  });

  it('non-JSON text (CSV mode) and a url without an issue number → McpProtocolError', async () => {
    server.setTool('list_issues', () => ({
      content: [{ type: 'text', text: '# totalCount: 57\n\nnumber,title\n1,x' }],
    }));
    const csv = await failure(factory.forToken(TOKEN).listIssues({ owner: 'o', repo: 'r', perPage: 10 }));
    expect(csv).toBeInstanceOf(McpProtocolError);
    expect(csv.message).toContain('CSV');
    server.setTool('issue_write', () => jsonResult({ id: '1', url: 'https://github.com/o/r/pull/3' }));
    const noNumber = await failure(
      factory.forToken(TOKEN).issueWrite({ method: 'create', owner: 'o', repo: 'r', title: 't' }),
    );
    expect(noNumber).toBeInstanceOf(McpProtocolError);
  });

  it('issue_read get with a numeric comment id type mismatch is a protocol error, a good one parses', async () => {
    server.setTool('issue_read', ({ args }) =>
      args.method === 'get' ? jsonResult(issue42) : jsonResult([{ id: 'not-a-number', html_url: 'x' }]),
    );
    const client = factory.forToken(TOKEN);
    await expect(client.getIssue('o', 'r', 42)).resolves.toMatchObject({ number: 42 });
    const error = await failure(client.getIssueComments('o', 'r', 42, { page: 1, perPage: 10 }));
    expect(error).toBeInstanceOf(McpProtocolError);
  });
});
