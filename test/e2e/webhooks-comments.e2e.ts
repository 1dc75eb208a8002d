import { describe, expect, it } from '@jest/globals';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, localIssue, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { settled } from '../../libs/webhooks/test/support/system.js';
import type { TestSystem } from './support/system.js';
import { useIssueWebhooks } from './webhook-systems.js';

/** `issue_comment` deliveries applied to the workspace, and deliveries it ignores. */
describe('webhook processing: comments and ignored deliveries', () => {
  let system: TestSystem;
  let numbers: number[];
  let clock = 0;

  useIssueWebhooks((started) => ({ system, numbers } = started));

  it('issue_comment created / edited / deleted, keyed by comment id, older edits ignored', async () => {
    const number = numbers[6] as number;
    const comment = (action: string, body: string, updated: number, extra: Record<string, unknown> = {}) => {
      clock += 10;
      const payload = payloadFor(system.sim, {
        event: 'issue_comment',
        action,
        number,
        payload: {
          issue: { updated_at: at(500_000 + updated) },
          comment: {
            id: 424242,
            body,
            user: { login: 'jane-doe' },
            created_at: at(500_000),
            updated_at: at(500_000 + updated),
          },
          ...extra,
          sequence: clock,
        },
      });
      return deliver(system.apiUrl, { event: 'issue_comment', payload }).then((r) =>
        settled(system, r.deliveryId),
      );
    };
    const read = async () => {
      const { rows } = await system.db.query<{ body: string; deleted_at: Date | null; author_login: string }>(
        `SELECT c.body, c.deleted_at, c.author_login FROM issue_comments c
         JOIN github_comment_syncs s ON s.comment_id = c.id WHERE s.github_id = 424242`,
      );
      return rows;
    };
    expect((await comment('created', 'hello\r\nworld', 1)).result).toMatchObject({
      comments: [{ outcome: 'created' }],
    });
    expect(await read()).toEqual([{ body: 'hello\nworld', deleted_at: null, author_login: 'jane-doe' }]);
    expect((await comment('created', 'hello\r\nworld', 1)).result).toMatchObject({
      comments: [{ outcome: 'unchanged' }],
    });
    await comment('edited', 'edited', 20);
    expect((await comment('edited', 'older edit', 10)).result).toMatchObject({
      comments: [{ outcome: 'stale' }],
    });
    expect((await read())[0]?.body).toBe('edited');
    const link = await localIssue(system.db, 'acme/web', number);
    expect(link?.github_comment_count).toBe(1);
    expect((await comment('deleted', 'edited', 30)).result).toMatchObject({
      comments: [{ outcome: 'deleted' }],
    });
    expect((await read())[0]?.deleted_at).toBeInstanceOf(Date);
    expect((await comment('edited', 'after delete', 40)).result).toMatchObject({
      comments: [{ outcome: 'deleted' }],
    });
    expect(await read()).toHaveLength(1);
    expect((await localIssue(system.db, 'acme/web', number))?.github_comment_count).toBe(0);
  });

  it('ignores, with a reason, comments on pull requests and events of repositories not connected', async () => {
    const pr = [...(system.sim.store.repo('acme', 'web')?.items.values() ?? [])].find((i) => i.pull);
    const onPr = payloadFor(system.sim, {
      event: 'issue_comment',
      action: 'created',
      number: pr?.number,
      payload: {
        comment: { id: 1, body: 'lgtm', user: { login: 'mona' }, created_at: at(1), updated_at: at(1) },
      },
    });
    const sent = await deliver(system.apiUrl, { event: 'issue_comment', payload: onPr });
    expect(await settled(system, sent.deliveryId)).toMatchObject({
      status: 'ignored',
      result: { reason: expect.stringMatching(/pull request/) },
    });
    const lonely = payloadFor(system.sim, {
      event: 'issues',
      action: 'opened',
      repository: 'acme/lonely',
      number: 1,
    });
    const other = await deliver(system.apiUrl, { event: 'issues', payload: lonely });
    expect(await settled(system, other.deliveryId)).toMatchObject({
      status: 'ignored',
      result: { reason: 'repository acme/lonely is not connected' },
    });
  });
});
