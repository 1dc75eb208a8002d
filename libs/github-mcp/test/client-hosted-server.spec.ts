import { afterEach, describe, expect, it } from '@jest/globals';
import { encodingForServer, GitHubMcpClientFactory, type TextEncodingSetting } from '#libs/github-mcp';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { issue42, listIssuesPage } from './support/fixtures.js';
import { testClientFactory } from './support/client-factory.js';
import { type FakeMcpServer, jsonResult, startFakeMcpServer } from './support/fake-mcp-server.js';

/** The hosted server's text encoding, structured results, tools/list and headers. */
describe('GitHubMcpClient against servers after the snapshot', () => {
  let server: FakeMcpServer | undefined;
  let factory: GitHubMcpClientFactory | undefined;

  afterEach(async () => {
    await factory?.closeAll();
    await server?.close();
    factory = undefined;
    server = undefined;
  });

  async function start(version: string, textEncoding?: TextEncodingSetting, toolsets?: string[]) {
    server = await startFakeMcpServer({ version });
    factory = testClientFactory(server.url, {
      ...(textEncoding === undefined ? {} : { textEncoding }),
      ...(toolsets === undefined ? {} : { toolsets }),
    });
    return { server, client: factory.forToken('ghp_hosted') };
  }

  it.each([
    ['0.9.0', 'html-escaped'],
    ['v0.33.1', 'html-escaped'],
    ['0.0.0-github-sim', 'html-escaped'],
    ['1.0.0', 'verbatim'],
    ['v1.4.2', 'verbatim'],
    ['dev', 'verbatim'],
    ['', 'verbatim'],
  ])('serverInfo.version %p means %s text', (version, encoding) => {
    expect(encodingForServer(version)).toBe(encoding);
  });

  it('keeps text verbatim from a server that does not escape (auto from serverInfo.version)', async () => {
    const { server: fake, client } = await start('1.2.0');
    const literal = {
      ...listIssuesPage,
      issues: [
        { ...listIssuesPage.issues[0], title: 'Fix &amp; in the parser', body: '`&lt;div&gt;` &#39;' },
      ],
    };
    fake.setTool('list_issues', () => jsonResult(literal));
    const page = await client.listIssues({ owner: 'acme', repo: 'web', perPage: 10 });
    expect(page.issues[0]?.title).toBe('Fix &amp; in the parser');
    expect(page.issues[0]?.body).toBe('`&lt;div&gt;` &#39;');
  });

  it('decodes once when configured html-escaped, whatever the server reports', async () => {
    const { server: fake, client } = await start('1.2.0', 'html-escaped');
    fake.setTool('issue_read', () => jsonResult(issue42));
    const issue = await client.getIssue('acme', 'web', 42);
    expect(issue.title).toBe('Login fails "after" reset');
    expect(issue.parent?.title).toBe('Epic: auth & revamp');
  });

  it('verbatim-angles-escaped: titles decode only &lt; and &gt;, bodies stay as sent', async () => {
    const { server: fake, client } = await start('dev', 'verbatim-angles-escaped');
    fake.setTool('issue_read', () =>
      jsonResult({ ...issue42, title: 'Vec&lt;T&gt; & "x" &amp;', body: 'a &lt;b&gt; & c' }),
    );
    const issue = await client.getIssue('acme', 'web', 42);
    expect(issue.title).toBe('Vec<T> & "x" &amp;');
    expect(issue.body).toBe('a &lt;b&gt; & c');
  });

  it('reads structuredContent when the result carries it, with or without a text block', async () => {
    const { server: fake, client } = await start('1.2.0');
    const structured = { ...issue42, title: 'from structured content' };
    fake.setTool('issue_read', (_call, index) =>
      index === 0
        ? { ...jsonResult({ ...issue42, title: 'from text' }), structuredContent: structured }
        : { content: [], structuredContent: structured },
    );
    expect((await client.getIssue('acme', 'web', 42)).title).toBe('from structured content');
    expect((await client.getIssue('acme', 'web', 42)).title).toBe('from structured content');
  });

  it('falls back to the text block without structuredContent', async () => {
    const { server: fake, client } = await start('1.2.0');
    fake.setTool('issue_read', () => jsonResult({ ...issue42, title: 'from text' }));
    expect((await client.getIssue('acme', 'web', 42)).title).toBe('from text');
  });

  it('asks tools/list once per connection and answers hasTool from it', async () => {
    const { server: fake, client } = await start('1.2.0');
    fake.setTool('update_issue_comment', () => jsonResult({ id: '7', url: 'u' }));
    expect(await client.hasTool('update_issue_comment')).toBe(true);
    expect(await client.hasTool('update_issue_comment')).toBe(true);
    expect(await client.hasTool('delete_everything')).toBe(false);
    expect(fake.toolListCount()).toBe(1);
    await client.updateIssueComment({ owner: 'acme', repo: 'web', comment_id: 7, body: 'edited' });
    expect(fake.calls.at(-1)).toMatchObject({
      tool: 'update_issue_comment',
      args: { owner: 'acme', repo: 'web', comment_id: 7, body: 'edited' },
    });
  });

  it('sends X-MCP-Toolsets only when toolsets are configured', async () => {
    const { server: fake, client } = await start('1.2.0', undefined, ['context', 'issues']);
    fake.setTool('get_me', () => jsonResult({ login: 'octocat', id: 1 }));
    await client.getMe();
    expect(fake.requestHeaders.every((h) => h['x-mcp-toolsets'] === 'context,issues')).toBe(true);
    await factory?.closeAll();
    await fake.close();
    const plain = await start('1.2.0');
    plain.server.setTool('get_me', () => jsonResult({ login: 'octocat', id: 1 }));
    await plain.client.getMe();
    expect(plain.server.requestHeaders.some((h) => 'x-mcp-toolsets' in h)).toBe(false);
  });

  it('negotiates 2025-11-25: no 2026-07-28 header rule applies (an SDK upgrade must add Mcp-Method & co)', async () => {
    const { server: fake, client } = await start('1.2.0');
    fake.setTool('get_me', () => jsonResult({ login: 'octocat', id: 1 }));
    await client.getMe();
    const afterInitialize = fake.requestHeaders.slice(1);
    expect(afterInitialize.length).toBeGreaterThan(0);
    for (const headers of afterInitialize) expect(headers['mcp-protocol-version']).toBe('2025-11-25');
    // If this changes, the client negotiates a newer protocol: 2026-07-28 needs Mcp-Method, Mcp-Name and
    // Mcp-Param-owner/-repo on every request (the hosted server requires them); the simulator answers 400 / -32020 without them.
    expect(LATEST_PROTOCOL_VERSION).toBe('2025-11-25');
  });
});
