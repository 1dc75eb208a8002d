import { describe, expect, it } from '@jest/globals';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, localIssue, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { type EventRow, settled } from '../../libs/webhooks/test/support/system.js';
import type { TestSystem } from './support/system.js';
import { useIssueWebhooks } from './webhook-systems.js';

/** `issues` deliveries (GitHub-shaped payloads, signed) applied to the workspace. */
describe('webhook processing: issues', () => {
  let system: TestSystem;
  let numbers: number[];
  let clock = 0;

  useIssueWebhooks((started) => ({ system, numbers } = started));

  /** Sends an `issues` delivery for `number` with the issue overridden, GitHub `updated_at` moving forward. */
  async function issues(
    action: string,
    number: number,
    issue: Record<string, unknown> = {},
    extra: Record<string, unknown> = {},
  ): Promise<EventRow> {
    clock += 10;
    const payload = payloadFor(system.sim, {
      event: 'issues',
      action,
      number,
      // `sequence`: a body already stored is a redelivery; a repeated event must differ in some byte
      payload: { issue: { updated_at: at(clock), ...issue }, ...extra, sequence: clock },
    });
    const sent = await deliver(system.apiUrl, { event: 'issues', payload });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ status: 'queued', delivery_id: sent.deliveryId });
    return settled(system, sent.deliveryId);
  }

  it('opened creates the workspace issue with labels, assignees, milestone and the GitHub link', async () => {
    const number = numbers[0] as number;
    const row = await issues('opened', number, {
      title: 'Opened via webhook',
      body: 'Body <b>raw</b> & "unescaped"',
      state: 'open',
      state_reason: null,
      closed_at: null,
      labels: [{ name: 'bug' }, { name: 'p1' }],
      assignees: [{ login: 'hubot' }],
      milestone: { title: 'v1.0' },
    });
    expect(row).toMatchObject({ status: 'processed', event_type: 'issues', action: 'opened' });
    expect(row.result).toMatchObject({
      issues: [{ number, outcome: expect.stringMatching(/created|updated/) }],
    });
    expect(await localIssue(system.db, 'acme/web', number)).toMatchObject({
      title: 'Opened via webhook',
      description: 'Body <b>raw</b> & "unescaped"',
      state: 'unstarted',
      labels: ['bug', 'p1'],
      assignees: ['hubot'],
      milestone: 'v1.0',
      github_id: expect.stringMatching(/^\d+$/),
      deleted_at: null,
    });
  });

  it('applies every issues action to the workspace issue', async () => {
    const number = numbers[1] as number;
    const local = () => localIssue(system.db, 'acme/web', number);
    // Every delivery carries the whole issue as it is after the change, like GitHub's.
    let issue: Record<string, unknown> = {
      title: 'Base',
      body: 'Base body',
      state: 'open',
      state_reason: null,
      closed_at: null,
      labels: [],
      assignees: [],
      milestone: null,
    };
    const change = (action: string, patch: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      issue = { ...issue, ...patch };
      return issues(action, number, issue, extra);
    };
    await change('opened', {});
    await change(
      'edited',
      { title: 'Edited title', body: 'Edited body' },
      { changes: { title: { from: 'Base' } } },
    );
    expect(await local()).toMatchObject({ title: 'Edited title', description: 'Edited body' });
    await change('labeled', { labels: [{ name: 'ui' }] }, { label: { name: 'ui' } });
    expect((await local())?.labels).toEqual(['ui']);
    await change('unlabeled', { labels: [] }, { label: { name: 'ui' } });
    expect((await local())?.labels).toEqual([]);
    await change('assigned', { assignees: [{ login: 'mona' }] }, { assignee: { login: 'mona' } });
    expect((await local())?.assignees).toEqual(['mona']);
    await change('unassigned', { assignees: [] }, { assignee: { login: 'mona' } });
    expect((await local())?.assignees).toEqual([]);
    await change('milestoned', { milestone: { title: 'v2' } });
    expect((await local())?.milestone).toBe('v2');
    await change('demilestoned', { milestone: null });
    expect((await local())?.milestone).toBeNull();
    const closedAt = at(clock + 10);
    await change('closed', { state: 'closed', state_reason: 'completed', closed_at: closedAt });
    expect(await local()).toMatchObject({ state: 'done', completed_at: new Date(closedAt) });
    await change('reopened', { state: 'open', state_reason: 'reopened', closed_at: null });
    expect(await local()).toMatchObject({ state: 'unstarted', completed_at: null });
    await change('closed', { state: 'closed', state_reason: 'not_planned', closed_at: at(clock + 10) });
    expect((await local())?.state).toBe('cancelled');
    const before = await local();
    for (const action of ['locked', 'unlocked', 'pinned', 'unpinned']) {
      const row = await change(action, { locked: action === 'locked' });
      expect(row.status).toBe('processed');
      expect(row.result).toMatchObject({ issues: [{ outcome: 'unchanged' }] });
    }
    const after = await local();
    expect(after).toMatchObject({ title: before?.title, state: before?.state, labels: before?.labels });
    expect(after?.github_updated_at.getTime()).toBeGreaterThan(before?.github_updated_at.getTime() ?? 0);
  });

  it('an older edited after a newer one changes nothing', async () => {
    const number = numbers[2] as number;
    await issues('opened', number, { title: 'v0', updated_at: at(100_000) });
    await issues('edited', number, { title: 'newer', updated_at: at(100_200) });
    const stale = await issues('edited', number, { title: 'older', updated_at: at(100_100) });
    expect(stale.status).toBe('processed');
    expect(stale.result).toMatchObject({ issues: [{ outcome: 'stale' }] });
    const local = await localIssue(system.db, 'acme/web', number);
    expect(local?.title).toBe('newer');
    expect(local?.github_updated_at.toISOString()).toBe(new Date(at(100_200)).toISOString());
  });

  it('deleted soft-deletes the issue; a late older event never brings it back or duplicates it', async () => {
    const number = numbers[3] as number;
    await issues('opened', number, { title: 'To delete', updated_at: at(200_000) });
    const deleted = await issues('deleted', number, { updated_at: at(200_010) });
    expect(deleted.result).toMatchObject({ issues: [{ outcome: 'deleted' }] });
    expect((await localIssue(system.db, 'acme/web', number))?.deleted_at).toBeInstanceOf(Date);
    const late = await issues('edited', number, { title: 'Late edit', updated_at: at(200_005) });
    expect(late.result).toMatchObject({ issues: [{ outcome: 'deleted' }] });
    const local = await localIssue(system.db, 'acme/web', number);
    expect(local).toMatchObject({ title: 'To delete', deleted_at: expect.any(Date) });
    const reopened = await issues('reopened', number, { title: 'Reopened later', updated_at: at(200_020) });
    expect(reopened.result).toMatchObject({ issues: [{ outcome: 'deleted' }] });
    const { rows } = await system.db.query(
      `SELECT count(*)::int AS n FROM github_issue_syncs s JOIN github_repository_syncs rs ON rs.id = s.repository_sync_id
       JOIN github_repositories r ON r.id = rs.repository_id WHERE r.name = 'web' AND s.github_number = $1`,
      [number],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('a deletion seen before the issue leaves a tombstone: the late opened creates nothing visible', async () => {
    const number = numbers[4] as number;
    const first = await issues('deleted', number, { updated_at: at(300_010), title: 'Never seen' });
    expect(first.result).toMatchObject({ issues: [{ outcome: 'tombstoned' }] });
    const late = await issues('opened', number, { updated_at: at(300_000) });
    expect(late.result).toMatchObject({ issues: [{ outcome: 'deleted' }] });
    expect((await localIssue(system.db, 'acme/web', number))?.deleted_at).toBeInstanceOf(Date);
  });

  it('transferred soft-deletes the issue here and creates it once in the connected new repository', async () => {
    const number = numbers[5] as number;
    await issues('opened', number, { title: 'Moving', updated_at: at(400_000) });
    const target = payloadFor(system.sim, { event: 'issues', repository: 'acme/api', number: 1 });
    const newIssue = {
      ...(target['issue'] as object),
      number: 77,
      id: 987_654,
      title: 'Moving',
      updated_at: at(400_010),
    };
    const extra = { changes: { new_issue: newIssue, new_repository: target['repository'] } };
    const row = await issues('transferred', number, { updated_at: at(400_010) }, extra);
    expect(row.result).toMatchObject({
      issues: [{ outcome: 'deleted' }],
      transferred_to: { repository: 'acme/api', number: 77, issues: [{ outcome: 'created' }] },
    });
    expect((await localIssue(system.db, 'acme/web', number))?.deleted_at).toBeInstanceOf(Date);
    expect(await localIssue(system.db, 'acme/api', 77)).toMatchObject({ title: 'Moving', deleted_at: null });
    const again = await issues('transferred', number, { updated_at: at(400_010) }, extra);
    expect(again.result).toMatchObject({
      issues: [{ outcome: 'already_deleted' }],
      transferred_to: { issues: [{ outcome: 'unchanged' }] },
    });
    const { rows } = await system.db.query(
      `SELECT count(*)::int AS n FROM issues WHERE title = 'Moving' AND deleted_at IS NULL`,
    );
    expect(rows[0]).toEqual({ n: 1 });
  });
});
