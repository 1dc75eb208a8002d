/** The simulator the issue_write and add_issue_comment specs share: acme/web seeded, one MCP client. */
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator, SimIssue } from '../src/index.js';
import { callJson, connect, startTestSim } from './helpers.js';

export const REPO = { owner: 'acme', repo: 'web' };

export async function startWriteSim(): Promise<{ sim: RunningSimulator; client: Client }> {
  const sim = await startTestSim({
    repos: [{ owner: 'acme', name: 'web', issues: 20, comments: 10, pullRequests: 3 }],
  });
  return { sim, client: await connect(sim) };
}

export async function stopWriteSim(sim: RunningSimulator, client: Client): Promise<void> {
  await client.close();
  await sim.close();
}

export function issueOf(sim: RunningSimulator, n: number): SimIssue {
  const found = sim.store.repo('acme', 'web')?.items.get(n);
  if (!found) throw new Error(`no issue ${n}`);
  return found;
}

/** Creates an issue through issue_write and answers its number. */
export async function createIssue(client: Client, extra: Record<string, unknown> = {}): Promise<number> {
  const answer = await callJson<{ id: string; url: string }>(client, 'issue_write', {
    method: 'create',
    ...REPO,
    title: 'Created through MCP',
    ...extra,
  });
  return Number(/\/issues\/(\d+)$/.exec(answer.url)?.[1]);
}
