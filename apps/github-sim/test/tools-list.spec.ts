import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator } from '../src/index.js';
import { TOOL_SNAPS } from '../src/mcp/toolsnaps/index.js';
import { connect, startTestSim } from './helpers.js';

const IMPLEMENTED = [
  'add_issue_comment',
  'get_me',
  'issue_read',
  'issue_write',
  'list_issues',
  'list_pull_requests',
  'pull_request_read',
  'search_issues',
  'search_repositories',
];

describe('tools/list', () => {
  let sim: RunningSimulator;
  let client: Client;

  beforeAll(async () => {
    sim = await startTestSim();
    client = await connect(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it('lists the implemented default-toolset tools sorted by name', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(IMPLEMENTED);
  });

  it('serves the snaps with the live differences: no _meta.ui, x-mcp-header on owner/repo', async () => {
    const { tools } = await client.listTools();
    for (const tool of tools) {
      const snap = TOOL_SNAPS.find((s) => s.name === tool.name);
      expect(snap).toBeDefined();
      if (!snap) continue;
      const expected = structuredClone(snap.inputSchema);
      for (const key of ['owner', 'repo']) {
        const prop = expected.properties[key] as Record<string, unknown> | undefined;
        if (prop) prop['x-mcp-header'] = key;
      }
      expect(tool.inputSchema).toEqual(expected);
      expect(tool.description).toBe(snap.description);
      expect(tool.annotations).toEqual(snap.annotations);
      expect(tool._meta?.['ui']).toBeUndefined();
    }
  });

  it('keeps the quirks of the upstream schemas', async () => {
    const { tools } = await client.listTools();
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('get_me')?.inputSchema).toEqual({ type: 'object', properties: {} });
    const listIssues = byName.get('list_issues')?.inputSchema.properties ?? {};
    expect(Object.keys(listIssues)).not.toContain('page');
    expect(listIssues['owner']).toEqual({
      type: 'string',
      description: 'Repository owner',
      'x-mcp-header': 'owner',
    });
    expect(byName.get('pull_request_read')?.inputSchema.required).toEqual([
      'method',
      'owner',
      'repo',
      'pullNumber',
    ]);
    expect(byName.get('issue_write')?.inputSchema.required).toEqual(['method', 'owner', 'repo']);
    expect(byName.get('issue_read')?.annotations).toEqual({
      idempotentHint: false,
      readOnlyHint: true,
      title: 'Get issue details',
    });
  });

  it('copies the upstream snaps verbatim (spot check of the _meta.ui they carry)', () => {
    const withUi = TOOL_SNAPS.filter((s) => s._meta?.['ui'] !== undefined).map((s) => s.name);
    expect(withUi.sort()).toEqual(['get_me', 'issue_write']);
  });
});
