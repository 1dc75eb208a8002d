import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { ConfigModule, loadConfig } from '#libs/config';
import { DbModule, WebhookEventRepository } from '#libs/db';
import { JobName, type JobContext, PermanentJobError, jobOptions } from '#libs/queue';
import { type TestDatabase, createTestDatabase, testPool } from '../../../test/support/database.js';
import type { EventOutcome } from '../src/processing/outcome.js';
import { ProcessWebhookEventHandler } from '../src/processing/process-webhook-event.handler.js';
import type { WebhookEventRouter } from '../src/processing/webhook-event.router.js';

/** The status lifecycle of a stored delivery through the job handler (real Postgres; the router stubbed). */
describe('process_webhook_event lifecycle', () => {
  let database: TestDatabase;
  let app: INestApplicationContext;
  let events: WebhookEventRepository;
  let db: pg.Pool;
  let next: () => Promise<EventOutcome>;
  const router = { route: () => next() } as unknown as WebhookEventRouter;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = testPool(database.url, 1);
    const config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:1',
      ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    });
    app = await NestFactory.createApplicationContext(
      { module: class LifecycleTestModule {}, imports: [ConfigModule.forRoot(config), DbModule] },
      { logger: ['error'] },
    );
    events = app.get(WebhookEventRepository);
  });

  afterAll(async () => {
    await app?.close();
    await db?.end();
    await database?.drop();
  });

  async function stored(): Promise<string> {
    const deliveryId = randomUUID();
    const inserted = await events.insertReceived([
      {
        deliveryId,
        eventType: 'issues',
        action: 'edited',
        payloadJson: '{"action":"edited","zen":"\\u00e9"}',
        installationId: null,
        repositoryGithubId: 42n,
        workspaceIntegrationId: null,
      },
    ]);
    expect(inserted.has(deliveryId)).toBe(true);
    return deliveryId;
  }

  function context(attemptsMade: number, maxAttempts = 5): JobContext {
    return {
      id: 'job',
      attemptsMade,
      maxAttempts,
      enqueuedAt: new Date(),
      delayUntil: () => Promise.reject(new Error('not used')),
    } as JobContext;
  }

  async function row(deliveryId: string) {
    const { rows } = await db.query(
      `SELECT status, retry_count, error_message, result, processed_at IS NOT NULL AS done, payload
       FROM github_webhook_events WHERE delivery_id = $1`,
      [deliveryId],
    );
    return rows[0] as Record<string, unknown>;
  }

  it('a failed attempt goes back to queued with the error, the retry succeeds and clears it', async () => {
    const deliveryId = await stored();
    const handler = new ProcessWebhookEventHandler(events, router);
    next = () => Promise.reject(new Error('connection reset'));
    await expect(handler.handle({ deliveryId }, context(0))).rejects.toThrow('connection reset');
    expect(await row(deliveryId)).toMatchObject({
      status: 'queued',
      retry_count: 1,
      error_message: 'connection reset',
      done: false,
    });
    next = () => Promise.resolve({ status: 'processed', result: { issues: [] } });
    const result = await handler.handle({ deliveryId }, context(1));
    expect(result).toEqual({ event_type: 'issues', action: 'edited', status: 'processed' });
    expect(await row(deliveryId)).toMatchObject({
      status: 'processed',
      retry_count: 1,
      error_message: null,
      result: { issues: [] },
      done: true,
      payload: { action: 'edited', zen: 'é' },
    });
    const again = await handler.handle({ deliveryId }, context(0));
    expect(again).toEqual({ event_type: 'issues', action: 'edited', status: 'processed', skipped: true });
  });

  it('fails for good after the last attempt, or at once when retrying cannot help', async () => {
    const handler = new ProcessWebhookEventHandler(events, router);
    const last = await stored();
    next = () => Promise.reject(new Error('still down'));
    await expect(handler.handle({ deliveryId: last }, context(4, 5))).rejects.toThrow('still down');
    expect(await row(last)).toMatchObject({ status: 'failed', retry_count: 5, done: true });

    const permanent = await stored();
    next = () => Promise.reject(new PermanentJobError('invalid issues payload: issue: required'));
    await expect(handler.handle({ deliveryId: permanent }, context(0, 5))).rejects.toThrow(PermanentJobError);
    expect(await row(permanent)).toMatchObject({
      status: 'failed',
      retry_count: 1,
      error_message: 'invalid issues payload: issue: required',
    });
    await expect(handler.handle({ deliveryId: randomUUID() }, context(0))).rejects.toThrow(/does not exist/);
  });

  it('an ignored event is settled with its reason; a replay puts a settled event back to received', async () => {
    const handler = new ProcessWebhookEventHandler(events, router);
    const deliveryId = await stored();
    next = () => Promise.resolve({ status: 'ignored', result: { reason: 'star events are not handled' } });
    expect(await handler.handle({ deliveryId }, context(0))).toMatchObject({ status: 'ignored' });
    expect(await row(deliveryId)).toMatchObject({
      status: 'ignored',
      result: { reason: 'star events are not handled' },
    });
    expect(await events.resetForReplay(deliveryId, '00000000-0000-7000-8000-000000000001')).toBe(true);
    expect(await row(deliveryId)).toMatchObject({
      status: 'received',
      result: null,
      retry_count: 0,
      done: false,
    });
    expect(await events.resetForReplay(deliveryId, '00000000-0000-7000-8000-000000000001')).toBe(false);
    await events.markQueued([deliveryId]);
    expect((await row(deliveryId)).status).toBe('queued');
  });

  it('the API marking rows queued and workers claiming and finishing them, in any order, never deadlock', async () => {
    // Before the shared lock order, the multi-row UPDATEs of the API (mark queued) and of the worker (claim,
    // finish) locked the same rows in different orders and Postgres aborted one of them (40P01).
    const ids = await Promise.all(Array.from({ length: 30 }, () => stored()));
    const reversed = [...ids].reverse();
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    for (let round = 0; round < 5; round++) {
      await Promise.all([
        events.markQueued(ids),
        events.markQueued(reversed),
        events.claimMany(shuffled.map((deliveryId) => ({ deliveryId, failedAttempts: round }))),
        events.claimMany(reversed.map((deliveryId) => ({ deliveryId, failedAttempts: round }))),
        events.finishMany(
          ids.slice(0, 10).map((deliveryId) => ({ deliveryId, status: 'processed', result: { round } })),
        ),
      ]);
    }
    const { rows } = await db.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM github_webhook_events WHERE delivery_id = ANY($1)
       GROUP BY status ORDER BY status::text`,
      [ids],
    );
    expect(rows).toEqual([
      { status: 'processed', n: 10 },
      { status: 'processing', n: 20 },
    ]);
    const claims = await events.claimMany(ids.map((deliveryId) => ({ deliveryId, failedAttempts: 0 })));
    expect([...claims.values()].filter((c) => c.claimed)).toHaveLength(20); // processed ones come back as they are
    expect(claims.get(ids[0] as string)).toMatchObject({ claimed: false, event: { status: 'processed' } });
  });

  it('stores a batch of any size in one insert: new delivery ids come back, known ones are left alone', async () => {
    const event = (deliveryId: string, n: number) => ({
      deliveryId,
      eventType: 'issues',
      action: n % 2 ? 'edited' : null,
      payloadJson: JSON.stringify({ action: 'edited', n, text: "quote ' and \\ backslash" }),
      installationId: n % 3 ? BigInt(n) : null,
      repositoryGithubId: 9_007_199_254_740_993n,
      workspaceIntegrationId: null,
    });
    const known = await stored();
    // 3 is a prepared size, 40 is above them: both go through the same statement shape.
    for (const size of [3, 40]) {
      const ids = Array.from({ length: size }, () => randomUUID());
      const inserted = await events.insertReceived([
        event(known, 0),
        ...ids.map((id, n) => event(id, n + 1)),
      ]);
      expect([...inserted].sort()).toEqual([...ids].sort());
      const { rows } = await db.query<{ n: number; installation_id: string | null; repo: string }>(
        `SELECT (payload->>'n')::int AS n, installation_id::text, repository_github_id::text AS repo
         FROM github_webhook_events WHERE delivery_id = ANY($1) ORDER BY 1`,
        [ids],
      );
      expect(rows.map((r) => r.n)).toEqual(ids.map((_id, n) => n + 1));
      expect(rows[0]).toEqual({ n: 1, installation_id: '1', repo: '9007199254740993' });
      expect(rows[2]?.installation_id).toBeNull();
    }
    const { rows } = await db.query<{ zen: string }>(
      `SELECT payload->>'zen' AS zen FROM github_webhook_events WHERE delivery_id = $1`,
      [known],
    );
    expect(rows[0]?.zen).toBe('é');
  });

  it('is retried with exponential backoff, at least five attempts', () => {
    const options = jobOptions({ attempts: 3, backoffMs: 2000 })[JobName.ProcessWebhookEvent];
    expect(options).toMatchObject({ attempts: 5, backoff: { type: 'exponential', delay: 2000 } });
  });
});
