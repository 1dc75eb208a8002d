import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningSimulator } from '../src/index.js';
import { DEFAULT_SIM_TOKEN, call, callError, connect, rawCall, rawPost, startTestSim } from './helpers.js';

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};
const UNKNOWN_TOKEN = 'ghp_' + 'x'.repeat(36);

describe('MCP endpoint: transport and authentication', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 5, comments: 5, pullRequests: 1 }],
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('answers 401 with a resource-metadata challenge when Authorization is missing', async () => {
    const response = await rawPost(sim, INIT, {});
    expect(response.status).toBe(401);
    const host = new URL(sim.url).host;
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="http://${host}/.well-known/oauth-protected-resource/mcp"`,
    );
    const metadata = await fetch(`${sim.url}/.well-known/oauth-protected-resource/mcp`);
    expect(((await metadata.json()) as { resource: string }).resource).toBe(`${sim.url}/mcp`);
  });

  it.each(['Bearer nope', 'token abc', 'Bearer ghx_123', 'GitHub-Bearer ghp_abc'])(
    'answers 400 for a badly formatted Authorization header (%s)',
    async (header) => {
      const response = await rawPost(sim, INIT, { authorization: header });
      expect(response.status).toBe(400);
      const expected = header.startsWith('GitHub-Bearer')
        ? 'bad request: unsupported Authorization header\n'
        : 'bad request: Authorization header is badly formatted\n';
      expect(response.text).toBe(expected);
    },
  );

  it.each([
    `bearer ${DEFAULT_SIM_TOKEN}`,
    `BEARER ${DEFAULT_SIM_TOKEN}`,
    DEFAULT_SIM_TOKEN,
    'Bearer github_pat_11ABC',
    'Bearer gho_abc',
    'Bearer ghu_abc',
    'Bearer ghs_abc',
    `Bearer ${'a1'.repeat(20)}`,
  ])('accepts the token format of %s', async (header) => {
    const response = await rawPost(sim, INIT, { authorization: header });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('mcp-session-id')).toBeNull();
    const result = response.messages[0]?.['result'] as {
      serverInfo: Record<string, unknown>;
      capabilities: unknown;
    };
    expect(result.serverInfo['name']).toBe('github-mcp-server');
    expect(result.serverInfo['title']).toBe('GitHub MCP Server');
    expect(result.capabilities).toEqual({ tools: {}, prompts: {}, resources: {}, completions: {} });
  });

  it.each(['GET', 'DELETE'])('answers %s with 405 and Allow: POST', async (method) => {
    const response = await fetch(sim.mcpUrl, {
      method,
      headers: { authorization: `Bearer ${DEFAULT_SIM_TOKEN}` },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('is stateless: tools/call works without initialize, also on /mcp/', async () => {
    const message = await rawCall(sim, 'get_me', {});
    expect((message['result'] as { content: { text: string }[] }).content[0]?.text).toContain(
      '"login":"octocat"',
    );
    const slash = await rawPost(sim, { jsonrpc: '2.0', id: 2, method: 'tools/list' }, undefined, '/mcp/');
    expect(slash.status).toBe(200);
    expect((slash.messages[0]?.['result'] as { tools: unknown[] }).tools.length).toBeGreaterThan(0);
  });

  it('rejects a body over 5 MiB with 413', async () => {
    const big = {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'get_me', arguments: { x: 'y'.repeat(6 * 1024 * 1024) } },
    };
    expect((await rawPost(sim, big)).status).toBe(413);
  });

  it('does not reject an unknown well-formed token at connect; each tool fails like GitHub 401', async () => {
    const client = await connect(sim, UNKNOWN_TOKEN);
    expect(await call(client, 'get_me', {})).toEqual({
      isError: true,
      text: 'failed to get user: GET https://api.github.com/user: 401 Bad credentials []',
    });
    const listed = await call(client, 'list_issues', { owner: 'acme', repo: 'web' });
    expect(listed.isError).toBe(true);
    expect(listed.text).toBe(
      'failed to list issues: non-200 OK status code: 401 Unauthorized body: "{\\"message\\":\\"Bad credentials\\",\\"documentation_url\\":\\"https://docs.github.com/graphql\\",\\"status\\":\\"401\\"}"',
    );
    expect(await call(client, 'list_pull_requests', { owner: 'acme', repo: 'web' })).toEqual({
      isError: true,
      text: 'failed to list pull requests: GET https://api.github.com/repos/acme/web/pulls?page=1&per_page=30: 401 Bad credentials []',
    });
    expect(
      await callError(client, 'issue_read', { method: 'get', owner: 'acme', repo: 'web', issue_number: 1 }),
    ).toEqual({
      code: 0,
      message:
        'MCP error 0: failed to get issue: GET https://api.github.com/repos/acme/web/issues/1: 401 Bad credentials []',
    });
    await client.close();
  });

  it('sends JSON-RPC code 0 with the raw message on the wire, and -32602 for unknown tools', async () => {
    const missing = await rawCall(sim, 'issue_read', {
      method: 'get',
      owner: 'acme',
      repo: 'web',
      issue_number: 999,
    });
    expect(missing['error']).toEqual({
      code: 0,
      message: 'failed to get issue: GET https://api.github.com/repos/acme/web/issues/999: 404 Not Found []',
    });
    const unknown = await rawCall(sim, 'get_issue', {});
    expect(unknown['error']).toEqual({ code: -32602, message: 'unknown tool "get_issue"' });
  });

  it('turns non-object arguments into the upstream isError result', async () => {
    const nullArgs = await rawCall(sim, 'get_me', null);
    expect(nullArgs['result']).toEqual({
      content: [{ type: 'text', text: 'invalid arguments: arguments must be a JSON object' }],
      isError: true,
    });
    const stringArgs = await rawCall(sim, 'list_issues', 'owner=acme');
    expect((stringArgs['result'] as { content: { text: string }[] }).content[0]?.text).toBe(
      'invalid arguments: json: cannot unmarshal string into Go value of type map[string]interface {}',
    );
  });
});
