import { afterEach, describe, expect, it } from '@jest/globals';
import type { RunningSimulator, ServerProfile } from '../src/index.js';
import { DEFAULT_SIM_TOKEN, call, callError, callJson, connect, startTestSim } from './helpers.js';

/** The simulator plays the snapshot or the hosted server after it (a start option). */
describe('simulator server profiles', () => {
  let sim: RunningSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  const TITLE = `Fix &amp; in <T> "don't"\u200b`;
  const BODY = 'Literal `&lt;div&gt;` & <b>bold</b> 😀\u202e';

  async function withIssue(profile: Partial<ServerProfile>) {
    sim = await startTestSim({ repos: [{ owner: 'acme', name: 'web', issues: 1, comments: 0 }], profile });
    const { store } = sim;
    const issue = store.createIssue(
      store.requireRepo('acme', 'web'),
      { title: TITLE, body: BODY },
      store.ensureUser('octocat'),
    );
    const comment = store.createComment(
      store.requireRepo('acme', 'web'),
      issue.number,
      BODY,
      store.ensureUser('octocat'),
    );
    return { issue, comment, client: await connect(sim) };
  }

  it.each([
    // The snapshot decodes entities and re-escapes: a literal `&amp;` comes back as `&amp;`.
    ['escaped', 'Fix &amp; in  &#34;don&#39;t&#34;', 'Literal `&lt;div&gt;` &amp; <b>bold</b> 😀'],
    ['plain', `Fix &amp; in <T> "don't"`, 'Literal `&lt;div&gt;` & <b>bold</b> 😀'],
    ['plain-angles', `Fix &amp; in &lt;T&gt; "don't"`, 'Literal `&lt;div&gt;` & <b>bold</b> 😀'],
  ] as const)('%s text: title %p, body %p', async (textEncoding, title, body) => {
    const { issue, comment, client } = await withIssue({ textEncoding });
    const got = await callJson(client, 'issue_read', {
      method: 'get',
      owner: 'acme',
      repo: 'web',
      issue_number: issue.number,
    });
    expect(got['title']).toBe(title);
    expect(got['body']).toBe(body);
    const comments = await callJson<{ id: number; body: string }[]>(client, 'issue_read', {
      method: 'get_comments',
      owner: 'acme',
      repo: 'web',
      issue_number: issue.number,
    });
    expect(comments.find((c) => c.id === comment.id)?.body).toBe(body);
    await client.close();
  });

  it('reports a serverInfo.version per text encoding', async () => {
    for (const [textEncoding, version] of [
      ['escaped', '0.0.0-github-sim'],
      ['plain', '1.0.0-github-sim'],
      ['plain-angles', 'dev-github-sim-3215'],
    ] as const) {
      sim = await startTestSim({ profile: { textEncoding } });
      const client = await connect(sim);
      expect(client.getServerVersion()?.version).toBe(version);
      await client.close();
      await sim.close();
      sim = undefined;
    }
  });

  it('answers get_me with 403 for installation tokens, as GitHub does', async () => {
    sim = await startTestSim({ users: [{ login: 'acme-bot', token: `ghs_${'i'.repeat(36)}` }] });
    const client = await connect(sim, `ghs_${'i'.repeat(36)}`);
    const outcome = await call(client, 'get_me', {});
    expect(outcome.isError).toBe(true);
    expect(outcome.text).toContain('403 Resource not accessible by integration');
    await client.close();
  });

  it('lists and serves update_issue_comment only behind the option', async () => {
    const { comment, client } = await withIssue({ updateIssueComment: false });
    expect((await client.listTools()).tools.map((t) => t.name)).not.toContain('update_issue_comment');
    const refused = await callError(client, 'update_issue_comment', {
      owner: 'acme',
      repo: 'web',
      comment_id: comment.id,
      body: 'x',
    });
    expect(refused.code).toBe(-32602);
    await client.close();
    await sim?.close();

    const hosted = await withIssue({ updateIssueComment: true });
    const tools = (await hosted.client.listTools()).tools;
    expect(tools.find((t) => t.name === 'update_issue_comment')?.inputSchema.required).toEqual([
      'owner',
      'repo',
      'comment_id',
      'body',
    ]);
    const events: string[] = [];
    sim?.store.onEvent((event) => events.push(event.type));
    const answer = await callJson(hosted.client, 'update_issue_comment', {
      owner: 'acme',
      repo: 'web',
      comment_id: hosted.comment.id,
      body: 'edited on GitHub',
    });
    expect(answer).toEqual({
      id: String(hosted.comment.id),
      url: expect.stringContaining(`#issuecomment-${hosted.comment.id}`),
    });
    expect(sim?.store.repo('acme', 'web')?.comments.get(hosted.comment.id)?.body).toBe('edited on GitHub');
    expect(events).toContain('comment.edited');
    const missing = await call(hosted.client, 'update_issue_comment', {
      owner: 'acme',
      repo: 'web',
      comment_id: 999_999,
      body: 'x',
    });
    expect(missing).toMatchObject({ isError: true, text: expect.stringContaining('404') });
    await hosted.client.close();
  });

  it.each(['both', 'only'] as const)(
    'structured content %s: issue_read get carries structuredContent',
    async (mode) => {
      const { issue, client } = await withIssue({ structuredContent: mode, textEncoding: 'plain' });
      const result = await client.callTool({
        name: 'issue_read',
        arguments: { method: 'get', owner: 'acme', repo: 'web', issue_number: issue.number },
      });
      expect(result.structuredContent).toMatchObject({
        number: issue.number,
        title: `Fix &amp; in <T> "don't"`,
      });
      expect((result.content as unknown[]).length).toBe(mode === 'both' ? 1 : 0);
      await client.close();
    },
  );

  it('narrows tools/list and tools/call to the X-MCP-Toolsets selection', async () => {
    sim = await startTestSim({ profile: { updateIssueComment: true } });
    const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
    const { StreamableHTTPClientTransport } =
      await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    const client = new Client({ name: 'spec', version: '1' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(sim.mcpUrl), {
        requestInit: {
          headers: { Authorization: `Bearer ${DEFAULT_SIM_TOKEN}`, 'X-MCP-Toolsets': 'issues, nope' },
        },
      }),
    );
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual([
      'add_issue_comment',
      'issue_read',
      'issue_write',
      'list_issues',
      'search_issues',
      'update_issue_comment',
    ]);
    expect((await callError(client, 'get_me', {})).code).toBe(-32602);
    expect(sim.stats.protocolHeaders().at(-1)).toMatchObject({
      toolsets: 'issues, nope',
      protocolVersion: '2025-11-25',
    });
    await client.close();
  });

  it('applies the 2026-07-28 header rule: Mcp-Method must match the body (400, -32020)', async () => {
    sim = await startTestSim();
    const post = (headers: Record<string, string>, method = 'tools/list') =>
      fetch(sim?.mcpUrl ?? '', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${DEFAULT_SIM_TOKEN}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...headers,
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method,
          params: { name: 'get_me', arguments: { owner: 'a' } },
        }),
      });
    const refused = await post({ 'mcp-protocol-version': '2026-07-28' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ id: 1, error: { code: -32020 } });
    const noName = await post(
      { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call' },
      'tools/call',
    );
    expect(noName.status).toBe(400);
    const noOwner = await post(
      { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/call', 'mcp-name': 'get_me' },
      'tools/call',
    );
    expect(await noOwner.json()).toMatchObject({
      error: { code: -32020, message: expect.stringContaining('Mcp-Param-owner') },
    });
    const older = await post({ 'mcp-protocol-version': '2025-11-25' });
    expect(older.status).not.toBe(400);
  });
});
