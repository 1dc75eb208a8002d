import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, localIssue, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { WEBHOOK_ENV, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const REPOS = [{ owner: 'acme', name: 'web', issues: 5, comments: 0, pullRequests: 0 }];
const EDITS_PER_ISSUE = 8;

/** Many deliveries at once through the API and the real worker (BullMQ jobs, group commit). */
describe('webhook processing under a burst of deliveries', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ repos: REPOS, env: WEBHOOK_ENV });
    await seedWorkspace(system, ['acme/web']);
  });

  afterAll(async () => {
    await system?.close();
  });

  function edit(number: number, seconds: number, action = 'edited') {
    const issue = { title: `#${number} at ${seconds}`, updated_at: at(seconds), labels: [], assignees: [] };
    return payloadFor(system.sim, { event: 'issues', action, number, payload: { issue } });
  }

  it('40 concurrent edits of 5 issues end with each issue at its newest snapshot', async () => {
    const numbers = [1, 2, 3, 4, 5];
    for (const number of numbers) {
      const sent = await deliver(system.apiUrl, { event: 'issues', payload: edit(number, 100, 'opened') });
      expect((await settled(system, sent.deliveryId)).status).toBe('processed');
    }
    // Every issue gets its edits in a shuffled GitHub order (newer ones often delivered before older ones).
    const edits = numbers.flatMap((number) =>
      Array.from({ length: EDITS_PER_ISSUE }, (_, i) => ({ number, seconds: 1000 + ((i * 5) % 8) * 10 })),
    );
    const sent = await Promise.all(
      edits.map(async (e) => ({
        ...e,
        ...(await deliver(system.apiUrl, { event: 'issues', payload: edit(e.number, e.seconds) })),
      })),
    );
    expect(sent.every((s) => s.status === 202)).toBe(true);
    const rows = await Promise.all(sent.map((s) => settled(system, s.deliveryId)));

    for (const row of rows) {
      expect(row).toMatchObject({ status: 'processed', retry_count: 0, error_message: null });
    }
    for (const number of numbers) {
      const newest = Math.max(...edits.filter((e) => e.number === number).map((e) => e.seconds));
      expect(await localIssue(system.db, 'acme/web', number)).toMatchObject({
        title: `#${number} at ${newest}`,
        github_updated_at: new Date(at(newest)),
        deleted_at: null,
      });
      const outcomes = rows
        .map((row, i) => ({ seconds: sent[i]!.seconds, number: sent[i]!.number, row }))
        .filter((r) => r.number === number)
        .map((r) => ({
          seconds: r.seconds,
          outcome: (r.row.result?.['issues'] as { outcome: string }[])[0]?.outcome,
        }));
      // The newest snapshot was applied; every other edit was applied before it or found to be older.
      expect(outcomes.filter((o) => o.seconds === newest).map((o) => o.outcome)).toEqual(['updated']);
      for (const o of outcomes) expect(['updated', 'stale']).toContain(o.outcome);
    }
    const { rows: links } = await system.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM github_issue_syncs',
    );
    expect(links[0]?.n).toBe(numbers.length);
  });
});
