import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { WEBHOOK_ENV, eventRow, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const REPO = { owner: 'acme', name: 'web', issues: 5, comments: 0, pullRequests: 0 };

/**
 * Issue 17: the signature covers the body only, not `X-GitHub-Event` or `X-GitHub-Delivery`. A captured
 * signed body re-sent under another event must not run that event's handler, and re-sent under a new
 * delivery id must not be processed again.
 */
describe('webhook headers the signature does not cover', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO], env: WEBHOOK_ENV });
    await seedWorkspace(system, ['acme/web']);
  });

  afterAll(async () => {
    await system?.close();
  });

  async function syncsEnabled(): Promise<boolean[]> {
    const { rows } = await system.db.query<{ enabled: boolean }>(
      'SELECT enabled FROM github_repository_syncs',
    );
    return rows.map((r) => r.enabled);
  }

  it('refuses a signed body whose shape is not the event’s (400, nothing stored)', async () => {
    const issues = payloadFor(system.sim, { event: 'issues', action: 'deleted', number: 5 });
    const comment = payloadFor(system.sim, {
      event: 'issue_comment',
      action: 'deleted',
      number: 4,
      payload: { comment: { id: 77, body: 'hi', created_at: at(1), updated_at: at(2) } },
    });
    const repository = payloadFor(system.sim, { event: 'repository', action: 'deleted' });
    const installation = { ...issues, installation: { id: 4242, node_id: 'MDIz' } }; // as an App delivers it
    const attempts: { event: string; payload: Record<string, unknown> }[] = [
      { event: 'repository', payload: issues },
      { event: 'repository', payload: comment },
      { event: 'installation', payload: installation },
      { event: 'installation_repositories', payload: installation },
      { event: 'issue_comment', payload: issues },
      { event: 'pull_request', payload: issues },
      { event: 'issues', payload: repository },
      { event: 'issues', payload: comment },
      { event: 'repository', payload: { ...repository, action: 'opened' } },
    ];
    for (const attempt of attempts) {
      const sent = await deliver(system.apiUrl, attempt);
      expect({ event: attempt.event, status: sent.status }).toEqual({ event: attempt.event, status: 400 });
      expect(sent.body).toMatchObject({ error: { code: 'bad_request', field: 'body' } });
      expect(await eventRow(system.db, sent.deliveryId)).toBeUndefined();
    }
    expect(await syncsEnabled()).toEqual([true]);
    const { rows } = await system.db.query('SELECT count(*)::int AS n FROM github_installations');
    expect(rows[0]).toEqual({ n: 0 });
  });

  it('treats the same signed body under a new delivery id as a redelivery: 200, not processed again', async () => {
    const title = `Only once ${randomUUID()}`;
    const payload = payloadFor(system.sim, {
      event: 'issues',
      action: 'opened',
      number: 3,
      payload: { issue: { title } },
    });
    const first = await deliver(system.apiUrl, { event: 'issues', payload });
    expect(first.status).toBe(202);
    expect(await settled(system, first.deliveryId)).toMatchObject({ status: 'processed' });
    const again = await deliver(system.apiUrl, { event: 'issues', payload });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'duplicate' });
    const together = await Promise.all(
      Array.from({ length: 5 }, () => deliver(system.apiUrl, { event: 'issues', payload })),
    );
    expect(together.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const answer of [again, ...together])
      expect(await eventRow(system.db, answer.deliveryId)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { rows } = await system.db.query(
      `SELECT (SELECT count(*)::int FROM github_webhook_events WHERE payload->'issue'->>'title' = $1) AS events,
              (SELECT count(*)::int FROM issues WHERE title = $1) AS issues`,
      [title],
    );
    expect(rows[0]).toEqual({ events: 1, issues: 1 });
  });
});
