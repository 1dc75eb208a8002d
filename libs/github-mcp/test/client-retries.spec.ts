import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type GitHubMcpCallEvent,
  GitHubMcpClientFactory,
  type GitHubMcpOptions,
  McpNotFoundError,
  McpTransientError,
} from '#libs/github-mcp';
import { me } from './support/fixtures.js';
import { testClientFactory } from './support/client-factory.js';
import { type FakeMcpServer, jsonResult, startFakeMcpServer, toolError } from './support/fake-mcp-server.js';

const BAD_GATEWAY = 'failed to get user: GET https://api.github.com/user: 502 Bad Gateway []';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('timeouts and retries', () => {
  let server: FakeMcpServer;
  let factories: GitHubMcpClientFactory[];
  let events: GitHubMcpCallEvent[];

  const make = (overrides: Partial<GitHubMcpOptions> = {}): GitHubMcpClientFactory => {
    const factory = testClientFactory(server.url, {
      maxRetries: 2,
      onCall: (event) => events.push(event),
      ...overrides,
    });
    factories.push(factory);
    return factory;
  };

  beforeAll(async () => {
    server = await startFakeMcpServer();
  });
  beforeEach(() => {
    server.calls.length = 0;
    server.setHttpHook(undefined);
    factories = [];
    events = [];
  });
  afterEach(async () => {
    await Promise.all(factories.map((f) => f.closeAll()));
  });
  afterAll(async () => {
    await server.close();
  });

  it('retries a transient failure and returns the later success', async () => {
    server.setTool('get_me', (_call, index) => (index === 0 ? toolError(BAD_GATEWAY) : jsonResult(me)));
    await expect(make().forToken('ghp_r').getMe()).resolves.toMatchObject({ login: 'octocat' });
    expect(server.calls).toHaveLength(2);
    expect(events.map((e) => [e.tool, e.outcome, e.errorKind, e.attempt])).toEqual([
      ['get_me', 'error', 'transient', 0],
      ['get_me', 'ok', undefined, 1],
    ]);
  });

  it('never retries not found', async () => {
    server.setTool('issue_read', () =>
      toolError('failed to get issue: GET https://x/issues/9: 404 Not Found []'),
    );
    await expect(make().forToken('ghp_r').getIssue('o', 'r', 9)).rejects.toBeInstanceOf(McpNotFoundError);
    expect(server.calls).toHaveLength(1);
    expect(events).toEqual([
      expect.objectContaining({ tool: 'issue_read', method: 'get', errorKind: 'not_found' }),
    ]);
  });

  it('gives up after maxRetries with exponential backoff and throws McpTransientError', async () => {
    server.setTool('get_me', () => toolError(BAD_GATEWAY));
    const started = Date.now();
    const error = await make({ maxRetries: 2, retryDelayMs: 60 })
      .forToken('ghp_r')
      .getMe()
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(McpTransientError);
    expect(server.calls).toHaveLength(3);
    expect(elapsed).toBeGreaterThanOrEqual(60 + 120 - 5);
    expect(elapsed).toBeLessThan(60 * 1.1 + 120 * 1.1 + 1000);
  });

  it('times out a slow call after timeoutMs', async () => {
    server.setTool('get_me', async () => {
      await sleep(1500);
      return jsonResult(me);
    });
    const started = Date.now();
    const error = await make({ timeoutMs: 200, maxRetries: 0 })
      .forToken('ghp_r')
      .getMe()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpTransientError);
    expect(error).toMatchObject({ reason: 'timeout', tool: 'get_me' });
    expect(Date.now() - started).toBeLessThan(1200);
  });

  it('retries a timed-out read on a fresh connection', async () => {
    server.setTool('get_me', async (_call, index) => {
      if (index === 0) await sleep(1500);
      return jsonResult(me);
    });
    const factory = make({ timeoutMs: 300, maxRetries: 1 });
    await expect(factory.forToken('ghp_timeout').getMe()).resolves.toMatchObject({ login: 'octocat' });
    expect(server.initializeCount('ghp_timeout')).toBe(2);
  });

  it('retries an HTTP 503 of the endpoint and reconnects', async () => {
    let failures = 1;
    server.setHttpHook((info, res) => {
      if (info.rpcMethod !== 'tools/call' || failures === 0) return false;
      failures -= 1;
      res.writeHead(503).end('unavailable');
      return true;
    });
    server.setTool('get_me', () => jsonResult(me));
    await expect(make().forToken('ghp_503').getMe()).resolves.toMatchObject({ login: 'octocat' });
    expect(server.initializeCount('ghp_503')).toBe(2);
  });

  it('a connection dropped mid-response fails fast and is retried', async () => {
    let drops = 1;
    server.setHttpHook((info, res) => {
      if (info.rpcMethod !== 'tools/call' || drops === 0) return false;
      drops -= 1;
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.write(': partial\n\n');
      setTimeout(() => res.socket?.destroy(), 20);
      return true;
    });
    server.setTool('get_me', () => jsonResult(me));
    const started = Date.now();
    await expect(make({ timeoutMs: 10_000 }).forToken('ghp_drop').getMe()).resolves.toMatchObject({
      login: 'octocat',
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(events[0]).toMatchObject({ outcome: 'error', errorKind: 'transient' });
  });

  it('a connection closed before any answer is transient', async () => {
    server.setHttpHook((info, res) => {
      if (info.rpcMethod !== 'tools/call') return false;
      res.socket?.destroy();
      return true;
    });
    const error = await make({ maxRetries: 0 })
      .forToken('ghp_reset')
      .getMe()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpTransientError);
  });

  it('does not resend a create after an ambiguous failure', async () => {
    let posts = 0;
    server.setHttpHook((info, res) => {
      if (info.tool !== 'issue_write') return false;
      posts += 1;
      res.writeHead(502).end('bad gateway');
      return true;
    });
    const client = make({ maxRetries: 3 }).forToken('ghp_w');
    const create = client.issueWrite({ method: 'create', owner: 'o', repo: 'r', title: 't' });
    await expect(create).rejects.toBeInstanceOf(McpTransientError);
    expect(posts).toBe(1);
    const update = client.issueWrite({
      method: 'update',
      owner: 'o',
      repo: 'r',
      issue_number: 1,
      title: 't',
    });
    await expect(update).rejects.toBeInstanceOf(McpTransientError);
    expect(posts).toBe(1 + 4);
  });

  it('resends a comment when the request certainly never left (connection refused)', async () => {
    const closed = await startFakeMcpServer();
    await closed.close();
    const factory = make({ serverUrl: closed.url, maxRetries: 2 });
    const error = await factory
      .forToken('ghp_w')
      .addIssueComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'x' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', notDelivered: true });
    expect(events.map((e) => e.attempt)).toEqual([0, 1, 2]);
  });

  it('a throwing onCall observer does not change the outcome', async () => {
    server.setTool('get_me', () => jsonResult(me));
    const factory = make({
      onCall: () => {
        throw new Error('observer broke');
      },
    });
    await expect(factory.forToken('ghp_r').getMe()).resolves.toMatchObject({ login: 'octocat' });
  });
});
