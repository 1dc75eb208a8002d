import { describe, expect, it } from '@jest/globals';
import { at, localIssue, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import type { TestSystem } from './support/system.js';
import { useEventWebhooks } from './webhook-systems.js';

/** pull_request, ping and unknown deliveries. */
describe('webhook processing: pull requests, ping and the rest', () => {
  let system: TestSystem;
  let repoId: number;
  let issueNumber: number;
  let prNumber: number;

  const { send } = useEventWebhooks((started) => ({ system, repoId, issueNumber, prNumber } = started));

  it('ping is processed and changes nothing', async () => {
    const row = await send('ping', { zen: 'Design for failure.', hook_id: 12, hook: { id: 12 } });
    expect(row).toMatchObject({ status: 'processed', result: { zen: 'Design for failure.', hook_id: 12 } });
  });

  it('events it does not handle are ignored with the reason', async () => {
    const row = await send('star', { action: 'created', repository: { id: repoId, full_name: 'acme/web' } });
    expect(row).toMatchObject({
      status: 'ignored',
      action: 'created',
      result: { reason: 'star events are not handled' },
    });
  });

  it('a payload that does not fit fails at once with the message, without retries', async () => {
    const row = await send('issues', { action: 'opened', issue: { number: 1 }, repository: { id: repoId } });
    expect(row.status).toBe('failed');
    expect(row.error_message).toMatch(/invalid issues payload: issue/);
    expect(row.retry_count).toBe(1);
  });

  it('pull_request events record the pull request; a merge moves the issues it closes to done', async () => {
    await send(
      'issues',
      payloadFor(system.sim, {
        event: 'issues',
        action: 'opened',
        number: issueNumber,
        payload: { issue: { state: 'open', state_reason: null, closed_at: null, updated_at: at(10) } },
      }),
    );
    expect((await localIssue(system.db, 'acme/web', issueNumber))?.state).toBe('unstarted');
    const pr = (action: string, pull: Record<string, unknown>) =>
      send(
        'pull_request',
        payloadFor(system.sim, {
          event: 'pull_request',
          action,
          number: prNumber,
          payload: { pull_request: pull },
        }),
      );
    const body = `Fixes #${issueNumber}`;
    const opened = await pr('opened', {
      body,
      state: 'open',
      merged: false,
      merged_at: null,
      draft: true,
      updated_at: at(20),
    });
    expect(opened).toMatchObject({
      status: 'processed',
      result: { pull_requests: [{ number: prNumber, outcome: 'created' }] },
    });
    await pr('ready_for_review', {
      body,
      state: 'open',
      merged: false,
      merged_at: null,
      draft: false,
      updated_at: at(30),
    });
    const stored = async () => {
      const { rows } = await system.db.query(
        'SELECT state, draft, merged, linked_issue_numbers FROM github_pull_requests WHERE github_number = $1',
        [prNumber],
      );
      return rows[0] as { state: string; draft: boolean; merged: boolean; linked_issue_numbers: number[] };
    };
    expect(await stored()).toEqual({
      state: 'open',
      draft: false,
      merged: false,
      linked_issue_numbers: [issueNumber],
    });
    const steps: [string, Record<string, unknown>][] = [
      ['converted_to_draft', { draft: true }],
      ['synchronize', { draft: true }],
      ['labeled', { draft: true, labels: [{ name: 'ui' }] }],
      ['ready_for_review', { draft: false }],
      ['closed', { state: 'closed', merged: false, merged_at: null }],
      ['reopened', { state: 'open' }],
    ];
    for (const [i, [action, change]] of steps.entries()) {
      const open = { body, state: 'open', merged: false, merged_at: null, draft: false };
      const row = await pr(action, { ...open, ...change, updated_at: at(31 + i) });
      expect(row).toMatchObject({ status: 'processed', action });
      expect(await stored()).toMatchObject({ state: change.state ?? 'open', draft: change.draft ?? false });
    }
    expect((await localIssue(system.db, 'acme/web', issueNumber))?.state).toBe('unstarted');
    const merged = await pr('closed', {
      body,
      state: 'closed',
      merged: true,
      merged_at: at(40),
      draft: false,
      updated_at: at(40),
    });
    expect(merged.result).toMatchObject({
      pull_requests: [{ merged: true, linked_issue_numbers: [issueNumber] }],
    });
    expect(await stored()).toMatchObject({ state: 'closed', merged: true });
    expect((await localIssue(system.db, 'acme/web', issueNumber))?.state).toBe('done');
    const older = await pr('edited', {
      body,
      state: 'open',
      merged: false,
      merged_at: null,
      updated_at: at(25),
    });
    expect(older.result).toMatchObject({ pull_requests: [{ outcome: 'stale' }] });
    expect(await stored()).toMatchObject({ state: 'closed', merged: true });
  });
});
