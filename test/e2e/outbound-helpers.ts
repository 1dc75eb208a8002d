import { Queue } from 'bullmq';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { QueueName } from '#libs/queue';
import { redisOptions } from '#libs/redis';
import type { SimIssue } from '../../apps/github-sim/src/index.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;

export interface IssueDetail {
  id: string;
  title: string;
  description: string;
  state: string;
  labels: string[];
  assignees: { github_login: string; user_id: string | null }[];
  github: { number: number; url: string } | null;
  comments: { id: string; body: string; github_comment_id: string | null }[];
  github_outbound: {
    pending_fields: string[];
    pending_state: string | null;
    pending_comments: number;
    pending_comment_edits: number;
    last_error: string | null;
    warnings: Json[];
  };
}

/** JSON over HTTP with the API token; answers `{status, body}`. */
export function rest(baseUrl: string, token: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    patch: (path: string, body: unknown) => call('PATCH', path, body),
  };
}

export type Rest = ReturnType<typeof rest>;

export async function detail(api: Rest, projectId: string, issueId: string): Promise<IssueDetail> {
  const { status, body } = await api.get(`/workspaces/acme/projects/${projectId}/issues/${issueId}/`);
  expect(status).toBe(200);
  return body as unknown as IssueDetail;
}

/** Waits until the issue is linked to GitHub and owes it nothing. */
export function synced(
  api: Rest,
  projectId: string,
  issueId: string,
  timeoutMs = 60_000,
): Promise<IssueDetail> {
  return waitFor(
    `issue ${issueId} written to GitHub`,
    async () => {
      const issue = await detail(api, projectId, issueId);
      const o = issue.github_outbound;
      // Comments and the outbound status are read separately: require both to say "all on GitHub".
      const done =
        issue.github &&
        o.pending_fields.length === 0 &&
        !o.pending_state &&
        o.pending_comments === 0 &&
        issue.comments.every((c) => c.github_comment_id !== null);
      return done ? issue : undefined;
    },
    timeoutMs,
  );
}

/** Runs a sync_repository job through the API and waits for it to end. */
export async function syncNow(api: Rest): Promise<Json> {
  const started = await api.post('/workspaces/acme/integrations/github-mcp/sync/', {});
  expect([200, 202]).toContain(started.status);
  const jobId = String(started.body.job_id);
  return waitFor(`sync job ${jobId}`, async () => {
    const { body } = await api.get(`/workspaces/acme/integrations/github-mcp/sync-jobs/${jobId}/`);
    return ['completed', 'failed'].includes(String(body.status)) ? body : undefined;
  });
}

export function simIssue(system: TestSystem, number: number): SimIssue {
  const issue = system.sim.store.repo('acme', 'web')?.items.get(number);
  if (!issue) throw new Error(`no GitHub issue #${number}`);
  return issue;
}

/** Changes a GitHub issue as another user would (sim store mutation: it emits its events). */
export function editOnGitHub(
  system: TestSystem,
  number: number,
  patch: Parameters<TestSystem['sim']['store']['updateIssue']>[2],
) {
  const { store } = system.sim;
  return store.updateIssue(store.requireRepo('acme', 'web'), number, patch, store.ensureUser('mona'));
}

/** The sync queue, to hold jobs back while both sides are edited (BullMQ global pause). */
export function syncQueue(system: TestSystem): Queue {
  return new Queue(QueueName.Sync, {
    connection: redisOptions(system.config.redisUrl, 'queue-producer'),
    prefix: system.config.queue.prefix,
  });
}

/** The conflicts a `sync_issue` job recorded in its result, once it has finished. */
export async function jobConflicts(system: TestSystem, jobId: string): Promise<unknown[]> {
  const queue = syncQueue(system);
  try {
    const job = await waitFor(
      'job result',
      async () => (await queue.getJob(jobId))?.returnvalue ?? undefined,
    );
    return (job as { conflicts: unknown[] }).conflicts;
  } finally {
    await queue.close();
  }
}

export async function setDirection(
  system: TestSystem,
  direction: 'to_github' | 'bidirectional' | 'from_github',
) {
  await system.db.query(`UPDATE github_repository_syncs SET direction = $1`, [direction]);
}

export async function auditActions(system: TestSystem, action: string): Promise<Json[]> {
  const { rows } = await system.db.query<{ details: Json; target_id: string }>(
    'SELECT details, target_id FROM audit_logs WHERE action = $1 ORDER BY created_at, id',
    [action],
  );
  return rows.map((r) => ({ ...r.details, target_id: r.target_id }));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface OutboundSystem {
  system: TestSystem;
  api: Rest;
  projectId: string;
  issuesPath: string;
}

/**
 * Starts the system (acme/web: 12 issues, 20 comments; bidirectional, first sync done; a debounce of
 * 100 ms) before the spec's tests and closes it after; hands `onStart` the system, the admin's API and
 * the project's issues path.
 */
export function useOutboundSystem(onStart: (started: OutboundSystem) => void) {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 12, comments: 20, pullRequests: 0 }],
      env: { SYNC_ISSUE_DEBOUNCE_MS: '100', MCP_CONNECTION_TIMEOUT: '2' },
    });
    const { projectId, adminToken } = await seedWorkspace(system, ['acme/web']);
    const api = rest(system.apiUrl, adminToken);
    await setDirection(system, 'bidirectional');
    expect((await syncNow(api)).status).toBe('completed');
    onStart({ system, api, projectId, issuesPath: `/workspaces/acme/projects/${projectId}/issues` });
  });

  afterAll(async () => {
    await system?.close();
  });
}
