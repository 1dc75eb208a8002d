import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mapLimit } from '#libs/sync';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { PrivateRedis } from '../../libs/webhooks/test/support/private-redis.js';
import { WEBHOOK_ENV } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

const DELIVERIES = 200;

/**
 * Redis really stopped (a private redis-server, not the run's shared one) while deliveries arrive: every
 * delivery is still committed and acknowledged, and once Redis is back the relay enqueues each exactly once.
 */
describe('webhooks while Redis is down', () => {
  let redis: PrivateRedis;
  let system: TestSystem;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 0, pullRequests: 0 }],
      env: { ...WEBHOOK_ENV, REDIS_URL: redis.url },
    });
    await seedWorkspace(system, ['acme/web']);
    // No periodic pass during the test: a complete pass would rightly soft-delete the issues these
    // deliveries link, which the simulator's acme/web does not have (periodic_sync_all fires every 5 min).
    await system.db.query(
      `UPDATE github_repository_syncs SET sync_interval_seconds = 86400, last_synced_at = now()`,
    );
  });

  afterAll(async () => {
    await system?.close();
    await redis?.stop();
  });

  async function statuses(): Promise<Record<string, number>> {
    const { rows } = await system.db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM github_webhook_events WHERE event_type = 'issues' GROUP BY status`,
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }

  it(`acknowledges ${DELIVERIES} deliveries with 202 while Redis is stopped and processes all of them after it restarts`, async () => {
    await redis.stop();
    const answers = await mapLimit(
      Array.from({ length: DELIVERIES }, (_, i) => i),
      8,
      async (i) => {
        const payload = payloadFor(system.sim, {
          event: 'issues',
          action: 'opened',
          number: 1,
          payload: { issue: { number: 1000 + i, id: 900_000 + i, title: `Outage ${i}`, updated_at: at(i) } },
        });
        return deliver(system.apiUrl, { event: 'issues', payload });
      },
    );
    expect(answers.map((a) => a.status)).toEqual(Array(DELIVERIES).fill(202));
    expect(answers.every((a) => a.body.status === 'queued')).toBe(true);
    expect(await statuses()).toEqual({ received: DELIVERIES });

    await redis.resume();
    await waitFor(
      'every delivery to be processed',
      async () => ((await statuses()).processed === DELIVERIES ? true : undefined),
      120_000,
    );
    // Each delivery applied once: one issue and one link per delivery, no duplicate row. (An attempt that
    // failed and was retried — a transient error on a busy machine — rolled back; it may happen and
    // changes none of this.)
    const { rows } = await system.db.query<{ issues: number; links: number; numbers: number }>(
      `SELECT (SELECT count(*)::int FROM issues WHERE title LIKE 'Outage %' AND deleted_at IS NULL) AS issues,
              (SELECT count(*)::int FROM github_issue_syncs WHERE github_number >= 1000) AS links,
              (SELECT count(DISTINCT github_number)::int FROM github_issue_syncs WHERE github_number >= 1000) AS numbers`,
    );
    expect(rows[0]).toEqual({ issues: DELIVERIES, links: DELIVERIES, numbers: DELIVERIES });
    const { rows: attempts } = await system.db.query<{ retried: number; reasons: string[] | null }>(
      `SELECT count(*)::int AS retried, array_agg(DISTINCT error_message) AS reasons
       FROM github_webhook_events WHERE retry_count > 0`,
    );
    if (attempts[0]!.retried > 0) {
      process.stderr.write(
        `${attempts[0]!.retried} deliveries needed a retry: ${String(attempts[0]!.reasons)}\n`,
      );
    }
    expect(await statuses()).toEqual({ processed: DELIVERIES });
  });
});
