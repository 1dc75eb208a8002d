import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type DeliveryResponse, deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { WEBHOOK_ENV, eventRow } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, startSystem } from './support/system.js';

const GOOD = 40;

/**
 * Issue 17: one delivery the database refuses must not fail the insert batch it shares with other
 * deliveries (of any tenant).
 */
describe('webhook inbox: one bad delivery in a batch', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({ repos: [], env: WEBHOOK_ENV, worker: false });
  });

  afterAll(async () => {
    await system?.close();
  });

  /**
   * GOOD distinct good deliveries and `bad` (in the middle of them) sent while the inbox is held up, so that
   * they share one insert batch: a first delivery waits on a row this test keeps locked (an uncommitted
   * insert of its delivery id); the others pile up as the next batch, written once the lock goes.
   */
  async function burst(
    bad: string,
    round: number,
  ): Promise<{ good: DeliveryResponse[]; bad: DeliveryResponse }> {
    const lock = await system.db.connect();
    const blocker = `blocker-${round}`;
    let first: Promise<DeliveryResponse>;
    let answers: DeliveryResponse[];
    try {
      await lock.query('BEGIN');
      await lock.query(
        `INSERT INTO github_webhook_events (id, delivery_id, event_type, status, payload, created_at, updated_at)
         VALUES (gen_random_uuid(), $1, 'ping', 'received', '{}', now(), now())`,
        [blocker],
      );
      first = deliver(system.apiUrl, { deliveryId: blocker, payload: { zen: `blocker ${round}` } });
      await sleep(300);
      const good = Array.from({ length: GOOD }, (_, i) =>
        deliver(system.apiUrl, { payload: { zen: `round ${round}`, hook_id: i + 1 } }),
      );
      const all = [
        ...good.slice(0, GOOD / 2),
        deliver(system.apiUrl, { payload: bad }),
        ...good.slice(GOOD / 2),
      ];
      await sleep(1000);
      await lock.query('ROLLBACK');
      answers = await Promise.all(all);
    } finally {
      lock.release();
    }
    expect((await first).status).toBe(202);
    return { good: answers.filter((_, i) => i !== GOOD / 2), bad: answers[GOOD / 2] as DeliveryResponse };
  }

  async function expectAllStored(good: DeliveryResponse[]): Promise<void> {
    expect(good.map((a) => a.status)).toEqual(good.map(() => 202));
    for (const answer of good) expect(await eventRow(system.db, answer.deliveryId)).toBeDefined();
  }

  it('answers 400 naming the body to an unpaired surrogate, and its batch-mates are stored', async () => {
    for (let round = 0; round < 3; round++) {
      const { good, bad } = await burst(`{"action":"opened","x":"\\ud800","round":${round}}`, round);
      await expectAllStored(good);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'bad_request', field: 'body' } });
      expect(await eventRow(system.db, bad.deliveryId)).toBeUndefined();
    }
  });

  it('retries a failed batch row by row: only the row jsonb refuses fails (400), the others are stored', async () => {
    // V8 reads 1e1000000 as Infinity; Postgres' numeric (jsonb numbers) cannot hold it.
    for (let round = 10; round < 13; round++) {
      const { good, bad } = await burst(`{"action":"opened","x":1e1000000,"round":${round}}`, round);
      await expectAllStored(good);
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'bad_request', field: 'body' } });
      expect(await eventRow(system.db, bad.deliveryId)).toBeUndefined();
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
