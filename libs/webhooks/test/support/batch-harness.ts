import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule } from '#libs/config';
import { DbModule, WebhookEventRepository } from '#libs/db';
import { type JobContext, QueueModule } from '#libs/queue';
import type { TestSystem } from '../../../../test/e2e/support/system.js';
import { WebhooksWorkerModule } from '../../src/index.js';
import { ProcessWebhookEventHandler } from '../../src/processing/process-webhook-event.handler.js';
import { WebhookEventRouter } from '../../src/processing/webhook-event.router.js';

/**
 * The worker's `process_webhook_event` handler without BullMQ, so a test decides which jobs share a batch:
 * `handle` calls made in the same turn of the event loop form one batch. `single` is the single-event
 * path (every event through WebhookEventRouter, no batched transaction) for comparisons.
 */
export interface BatchHarness {
  batched: ProcessWebhookEventHandler;
  single: ProcessWebhookEventHandler;
  close(): Promise<void>;
}

export async function startBatchHarness(system: TestSystem): Promise<BatchHarness> {
  const app: INestApplicationContext = await NestFactory.createApplicationContext(
    {
      module: class BatchHarnessModule {},
      imports: [
        ConfigModule.forRoot(system.config),
        DbModule,
        QueueModule.forRoot('worker'),
        WebhooksWorkerModule,
      ],
    },
    { logger: ['error'] },
  );
  const events = app.get(WebhookEventRepository);
  const router = app.get(WebhookEventRouter, { strict: false });
  return {
    batched: app.get(ProcessWebhookEventHandler, { strict: false }),
    single: new ProcessWebhookEventHandler(events, router),
    close: () => app.close(),
  };
}

export function jobContext(attemptsMade = 0, maxAttempts = 5): JobContext {
  return {
    id: 'test-job',
    attemptsMade,
    maxAttempts,
    enqueuedAt: new Date(),
    delayUntil: () => Promise.reject(new Error('not used')),
  };
}

/** Runs the jobs of these deliveries in one batch; each settles on its own (result or error). */
export function inOneBatch(
  handler: ProcessWebhookEventHandler,
  deliveryIds: string[],
  context = jobContext(),
) {
  return Promise.allSettled(deliveryIds.map((deliveryId) => handler.handle({ deliveryId }, context)));
}

/** Runs the jobs one after the other (each its own batch). */
export async function oneByOne(handler: ProcessWebhookEventHandler, deliveryIds: string[]) {
  const results = [];
  for (const deliveryId of deliveryIds) results.push(await handler.handle({ deliveryId }, jobContext()));
  return results;
}
