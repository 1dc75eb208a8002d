import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GitHubMcpClientFactory, type GitHubMcpOptions, McpTransientError } from '#libs/github-mcp';
import { me } from './support/fixtures.js';
import { testClientFactory } from './support/client-factory.js';
import { type FakeMcpServer, jsonResult, startFakeMcpServer } from './support/fake-mcp-server.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('connections per token', () => {
  let server: FakeMcpServer;
  let factory: GitHubMcpClientFactory;

  const make = (overrides: Partial<GitHubMcpOptions> = {}): GitHubMcpClientFactory => {
    factory = testClientFactory(server.url, overrides);
    return factory;
  };

  beforeAll(async () => {
    server = await startFakeMcpServer();
    server.setTool('get_me', async ({ token }) => {
      await sleep(10);
      return jsonResult({ ...me, login: `user-of-${token ?? 'none'}` });
    });
  });
  beforeEach(() => {
    server.calls.length = 0;
    server.authorizationHeaders.length = 0;
    server.setHttpHook(undefined);
  });
  afterEach(async () => {
    await factory.closeAll();
  });
  afterAll(async () => {
    await server.close();
  });

  it('concurrent first callers share one connect, later calls reuse it', async () => {
    const client = make().forToken('ghp_concurrent');
    const other = factory.forToken('ghp_concurrent');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? client : other).getMe()));
    expect(results.every((r) => r.login === 'user-of-ghp_concurrent')).toBe(true);
    await client.getMe();
    expect(server.initializeCount('ghp_concurrent')).toBe(1);
    expect(factory.openConnections).toBe(1);
  });

  it('two tokens get two connections, each request carries its own token', async () => {
    make();
    const [a, b] = await Promise.all([
      factory.forToken('ghp_alpha').getMe(),
      factory.forToken('ghp_beta').getMe(),
    ]);
    expect([a.login, b.login]).toEqual(['user-of-ghp_alpha', 'user-of-ghp_beta']);
    expect(server.initializeCount('ghp_alpha')).toBe(1);
    expect(server.initializeCount('ghp_beta')).toBe(1);
    expect(factory.openConnections).toBe(2);
    expect(new Set(server.authorizationHeaders)).toEqual(new Set(['Bearer ghp_alpha', 'Bearer ghp_beta']));
    expect(server.calls.map((c) => c.token).sort()).toEqual(['ghp_alpha', 'ghp_beta']);
  });

  it('closes idle connections and reconnects on the next call', async () => {
    const client = make({ idleTimeoutMs: 100 }).forToken('ghp_idle');
    await client.getMe();
    expect(factory.openConnections).toBe(1);
    await sleep(250);
    expect(factory.openConnections).toBe(0);
    await client.getMe();
    expect(server.initializeCount('ghp_idle')).toBe(2);
  });

  it('a transport failure retires the connection; the next call reconnects transparently', async () => {
    const client = make().forToken('ghp_broken');
    await client.getMe();
    server.setHttpHook((info, res) => {
      if (info.rpcMethod !== 'tools/call') return false;
      res.writeHead(502).end();
      return true;
    });
    await expect(client.getMe()).rejects.toBeInstanceOf(McpTransientError);
    server.setHttpHook(undefined);
    await expect(client.getMe()).resolves.toMatchObject({ login: 'user-of-ghp_broken' });
    expect(server.initializeCount('ghp_broken')).toBe(2);
  });

  it('a failed connect is not cached: the next call connects again', async () => {
    server.setHttpHook((info, res) => {
      if (info.rpcMethod !== 'initialize') return false;
      res.writeHead(503).end();
      return true;
    });
    const client = make().forToken('ghp_connect');
    await expect(client.getMe()).rejects.toBeInstanceOf(McpTransientError);
    expect(factory.openConnections).toBe(0);
    server.setHttpHook(undefined);
    await expect(client.getMe()).resolves.toMatchObject({ login: 'user-of-ghp_connect' });
  });

  it('in-flight calls finish on a retired connection while new calls use a new one', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.setTool('issue_read', async () => {
      await gate;
      return jsonResult([]);
    });
    const client = make({ idleTimeoutMs: 60_000 }).forToken('ghp_overlap');
    const slow = client.getIssueComments('o', 'r', 1, { page: 1, perPage: 10 });
    while (!server.calls.some((c) => c.tool === 'issue_read')) await sleep(5);
    server.setHttpHook((info, res) => {
      if (info.tool !== 'get_me') return false;
      res.writeHead(500).end();
      return true;
    });
    await expect(client.getMe()).rejects.toBeInstanceOf(McpTransientError);
    server.setHttpHook(undefined);
    await expect(client.getMe()).resolves.toMatchObject({ login: 'user-of-ghp_overlap' });
    expect(server.initializeCount('ghp_overlap')).toBe(2);
    release();
    await expect(slow).resolves.toEqual([]);
    expect(factory.openConnections).toBe(1);
  });

  it('closeAll closes every connection and later calls fail without reconnecting', async () => {
    make();
    await factory.forToken('ghp_one').getMe();
    await factory.forToken('ghp_two').getMe();
    await factory.closeAll();
    expect(factory.openConnections).toBe(0);
    await expect(factory.forToken('ghp_one').getMe()).rejects.toMatchObject({ kind: 'transient' });
    expect(server.initializeCount('ghp_one')).toBe(1);
  });

  it('rejects bad options and empty tokens', () => {
    expect(() => make({ serverUrl: 'not a url' })).toThrow(RangeError);
    expect(() => make({ timeoutMs: 0 })).toThrow(RangeError);
    expect(() => make().forToken('  ')).toThrow(RangeError);
  });
});
