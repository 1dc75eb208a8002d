import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type BatchHarness,
  inOneBatch,
  jobContext,
  oneByOne,
  startBatchHarness,
} from '../../libs/webhooks/test/support/batch-harness.js';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, localIssue, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { WEBHOOK_ENV, eventRow } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const REPOS = [
  { owner: 'acme', name: 'web', issues: 6, comments: 0, pullRequests: 0 },
  { owner: 'acme', name: 'api', issues: 6, comments: 0, pullRequests: 0 },
  { owner: 'acme', name: 'lonely', issues: 1, comments: 0, pullRequests: 0 },
];
const BASE = {
  body: 'Body',
  state: 'open',
  state_reason: null,
  closed_at: null,
  labels: [],
  assignees: [],
  milestone: null,
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

interface Step {
  event: string;
  payload: Record<string, unknown>;
  /** GitHub `updated_at` (seconds after the base) of an issues snapshot. */
  seconds?: number;
}

/**
 * Group commit in the worker: many deliveries processed as one batch (one claim, one transaction for the
 * snapshots of linked issues, one finish) end exactly as the single-event path ends them.
 */
describe('webhook processing in batches', () => {
  let system: TestSystem;
  let harness: BatchHarness;

  beforeAll(async () => {
    system = await startSystem({ repos: REPOS, env: WEBHOOK_ENV, worker: false });
    await seedWorkspace(system, ['acme/web', 'acme/api']);
    harness = await startBatchHarness(system);
  });

  afterAll(async () => {
    await harness?.close();
    await system?.close();
  });

  /** An `issues` delivery carrying the whole issue as it is after the change (GitHub `updated_at` = seconds). */
  function issues(
    repository: string,
    action: string,
    number: number,
    seconds: number,
    issue: Record<string, unknown>,
  ): Step {
    const snapshot = { ...BASE, ...issue, updated_at: at(seconds) };
    const payload = payloadFor(system.sim, {
      event: 'issues',
      action,
      repository,
      number,
      payload: { issue: snapshot },
    });
    return { event: 'issues', payload, seconds };
  }

  /** Deliveries posted to the API (signed, stored, enqueued; no worker runs): their delivery ids. */
  async function post(steps: Step[]): Promise<string[]> {
    const ids = [];
    for (const step of steps) {
      const sent = await deliver(system.apiUrl, { event: step.event, payload: step.payload });
      expect(sent.status).toBe(202);
      ids.push(sent.deliveryId);
    }
    return ids;
  }

  async function rows(ids: string[]) {
    return Promise.all(ids.map(async (id) => (await eventRow(system.db, id))!));
  }

  /** Issues 1–4 of the repository linked (opened one by one), issue 5 not yet. */
  async function link(repo: string) {
    const opened = [1, 2, 3, 4].map((n) => issues(repo, 'opened', n, n * 1000, { title: `base ${n}` }));
    await oneByOne(harness.single, await post(opened));
  }

  /** Edits of linked issues in and out of order, a removal, a new issue and events that are not applied. */
  function scenario(repo: string): Step[] {
    return [
      issues(repo, 'edited', 1, 1020, { title: 'one v2' }),
      issues(repo, 'edited', 1, 1040, { title: 'one v4', labels: [{ name: 'bug' }, { name: 'ui' }] }),
      issues(repo, 'edited', 1, 1030, { title: 'one v3' }),
      issues(repo, 'edited', 2, 2020, { title: 'two v2', assignees: [{ login: 'mona' }] }),
      issues(repo, 'locked', 2, 2030, { title: 'two v2', assignees: [{ login: 'mona' }] }),
      issues(repo, 'edited', 2, 2010, { title: 'two old' }),
      issues(repo, 'milestoned', 3, 3020, { title: 'base 3', milestone: { title: 'v9' } }),
      issues(repo, 'pinned', 3, 3020, { title: 'base 3', milestone: { title: 'v9' } }),
      issues(repo, 'deleted', 4, 4020, { title: 'base 4' }),
      issues(repo, 'opened', 5, 5010, { title: 'five' }),
      { event: 'ping', payload: { zen: 'Batch it.', hook_id: 7, hook: { name: repo } } },
      issues('acme/lonely', 'opened', 1, 6000, { title: 'elsewhere', body: `seen from ${repo}` }),
      issues(repo, 'edited', 6, 7000, { title: 'a pull request', pull_request: { url: 'x' } }),
      { event: 'star', payload: { action: 'created', starred_at: null, repo } },
    ];
  }

  it('gives every event of a batch the status and result of the single-event path', async () => {
    await link('acme/web');
    await link('acme/api');
    const web = scenario('acme/web');
    const api = scenario('acme/api');
    const webIds = await post(web);
    const apiIds = await post(api);

    const batched = await inOneBatch(harness.batched, webIds);
    // The reference: the same events one at a time through the router, newest snapshot first per issue
    // (the order a batch decides in; any order is one concurrent jobs could have taken).
    const order = api
      .map((_, i) => i)
      .sort((a, b) => (api[b]!.seconds ?? 0) - (api[a]!.seconds ?? 0) || a - b);
    const single = new Array<unknown>(api.length);
    for (const i of order) single[i] = await harness.single.handle({ deliveryId: apiIds[i]! }, jobContext());

    expect(batched).toEqual(single.map((value) => ({ status: 'fulfilled', value })));
    const webRows = await rows(webIds);
    const apiRows = await rows(apiIds);
    const comparable = (row: (typeof webRows)[number]) => ({
      status: row.status,
      result: JSON.parse(JSON.stringify(row.result).replace(UUID, 'id')) as unknown,
      error_message: row.error_message,
      retry_count: row.retry_count,
    });
    expect(webRows.map(comparable)).toEqual(apiRows.map(comparable));
    for (const n of [1, 2, 3, 4, 5]) {
      const [a, b] = [await localIssue(system.db, 'acme/web', n), await localIssue(system.db, 'acme/api', n)];
      const same = (i: typeof a) => ({
        ...i,
        id: undefined,
        github_id: undefined,
        deleted: !!i?.deleted_at,
        deleted_at: 0,
      });
      expect(same(a)).toEqual(same(b));
    }

    const outcomes = webRows.map(
      (r) => (r.result?.['issues'] as { outcome: string }[] | undefined)?.[0]?.outcome,
    );
    expect(outcomes.slice(0, 10)).toEqual([
      'stale', // one v2: older than one v4 of the same batch
      'updated',
      'stale', // one v3: older than one v4, arrived after it
      'stale',
      'updated', // locked: the newest view of #2, carrying the edit
      'stale',
      'updated',
      'unchanged', // same update time and content as the milestone change
      'deleted',
      'created',
    ]);
    expect(webRows.slice(10).map((r) => [r.status, r.result])).toEqual([
      ['processed', { zen: 'Batch it.', hook_id: 7 }],
      ['ignored', { reason: 'repository acme/lonely is not connected' }],
      ['ignored', { reason: 'issues event about a pull request' }],
      ['ignored', { reason: 'star events are not handled' }],
    ]);
    expect(await localIssue(system.db, 'acme/web', 1)).toMatchObject({
      title: 'one v4',
      labels: ['bug', 'ui'],
      github_updated_at: new Date(at(1040)),
    });
    expect(await localIssue(system.db, 'acme/web', 2)).toMatchObject({
      title: 'two v2',
      assignees: ['mona'],
    });
    expect(await localIssue(system.db, 'acme/web', 3)).toMatchObject({ milestone: 'v9', deleted_at: null });
    expect((await localIssue(system.db, 'acme/web', 4))?.deleted_at).toBeInstanceOf(Date);
    expect(await localIssue(system.db, 'acme/web', 5)).toMatchObject({ title: 'five', deleted_at: null });
  });

  it('a transaction that fails leaves every event of it queued with the error, nothing half-written', async () => {
    const before = [await localIssue(system.db, 'acme/web', 1), await localIssue(system.db, 'acme/web', 2)];
    // A real fault in the middle of the batch's transaction: inserting assignees fails (after the issues'
    // UPDATE has run in the same transaction).
    await system.db.query(`
      CREATE FUNCTION refuse_assignees() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'assignees are read-only (test fault)'; END $$;
      CREATE TRIGGER refuse_assignees BEFORE INSERT ON issue_assignees
        FOR EACH ROW EXECUTE FUNCTION refuse_assignees();`);
    const ids = await post([
      issues('acme/web', 'edited', 1, 9000, { title: 'one v5', labels: [{ name: 'bug' }, { name: 'ui' }] }),
      issues('acme/web', 'assigned', 2, 9000, { title: 'two v3', assignees: [{ login: 'hubot' }] }),
    ]);
    const last = (await post([issues('acme/web', 'edited', 3, 9000, { title: 'three' })]))[0]!;
    const settled = await Promise.all([
      inOneBatch(harness.batched, ids),
      inOneBatch(harness.batched, [last], jobContext(0, 1)),
    ]);
    for (const outcome of settled.flat()) {
      expect(outcome).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringMatching(/read-only/) },
      });
    }
    for (const row of await rows(ids)) {
      expect(row).toMatchObject({
        status: 'queued',
        retry_count: 1,
        error_message: expect.stringMatching(/read-only/),
      });
    }
    expect(await eventRow(system.db, last)).toMatchObject({ status: 'failed', retry_count: 1 });
    expect([await localIssue(system.db, 'acme/web', 1), await localIssue(system.db, 'acme/web', 2)]).toEqual(
      before,
    );
    expect((await localIssue(system.db, 'acme/web', 3))?.title).toBe('base 3');

    await system.db.query('DROP TRIGGER refuse_assignees ON issue_assignees');
    const retried = await inOneBatch(harness.batched, ids, jobContext(1));
    expect(retried.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    for (const row of await rows(ids)) {
      expect(row).toMatchObject({ status: 'processed', retry_count: 1, error_message: null });
    }
    expect(await localIssue(system.db, 'acme/web', 1)).toMatchObject({ title: 'one v5' });
    expect(await localIssue(system.db, 'acme/web', 2)).toMatchObject({
      title: 'two v3',
      assignees: ['hubot'],
    });
  });
});
