import type pg from 'pg';
import { type TestSystem, waitFor } from '../../../../test/e2e/support/system.js';
import { TEST_WEBHOOK_SECRET } from './deliveries.js';

/** Environment for startSystem: the webhook secret and a fast relay. */
export const WEBHOOK_ENV = { GITHUB_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, WEBHOOK_RELAY_INTERVAL_MS: '300' };

export interface EventRow {
  delivery_id: string;
  event_type: string;
  action: string | null;
  status: string;
  result: Record<string, unknown> | null;
  error_message: string | null;
  retry_count: number;
}

export async function eventRow(db: pg.Pool, deliveryId: string): Promise<EventRow | undefined> {
  const { rows } = await db.query<EventRow>(
    'SELECT delivery_id, event_type, action, status, result, error_message, retry_count FROM github_webhook_events WHERE delivery_id = $1',
    [deliveryId],
  );
  return rows[0];
}

/** Waits until the delivery has settled (processed, ignored or failed) and returns its row. */
export function settled(system: TestSystem, deliveryId: string, timeoutMs = 30_000): Promise<EventRow> {
  return waitFor(
    `webhook ${deliveryId} to settle`,
    async () => {
      const row = await eventRow(system.db, deliveryId);
      return row && ['processed', 'ignored', 'failed'].includes(row.status) ? row : undefined;
    },
    timeoutMs,
  );
}

/** Waits until the simulator has attempted every delivery it queued. */
export async function simDeliveriesDone(system: TestSystem): Promise<void> {
  await system.sim.webhooks.idle();
}
