/** The simulator the issue_write and add_issue_comment specs share: acme/web seeded, one MCP client. */
import { afterAll, beforeAll } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator, SimIssue } from '../src/index.js';
import { callJson, connect, startTestSim } from './helpers.js';

export const REPO = { owner: 'acme', repo: 'web' };

export interface WriteSim {
  sim: RunningSimulator;
  client: Client;
}

/**
 * Starts acme/web (20 issues) and an MCP client before the spec's tests and closes both after; hands them to
 * `onStart` and answers `issue(n)` (the simulator's issue #n) and `create(extra)` (issue_write create → number).
 */
export function useWriteSim(onStart: (started: WriteSim) => void) {
  let current: WriteSim | undefined;
  beforeAll(async () => {
    const sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 20, comments: 10, pullRequests: 3 }],
    });
    current = { sim, client: await connect(sim) };
    onStart(current);
  });
  afterAll(async () => {
    await current?.client.close();
    await current?.sim.close();
  });
  const started = (): WriteSim => {
    if (!current) throw new Error('the write simulator is not started');
    return current;
  };
  return {
    issue: (n: number) => issueOf(started().sim, n),
    create: (extra: Record<string, unknown> = {}) => createIssue(started().client, extra),
  };
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
