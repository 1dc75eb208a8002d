import type { PathItemObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_SCHEMA } from './schemas.js';

const ANSWER: SchemaObject = {
  type: 'object',
  required: ['status', 'delivery_id'],
  properties: {
    status: { type: 'string', enum: ['queued', 'duplicate'] },
    delivery_id: { type: 'string', example: '72d3162e-cc78-11e3-81ab-4c9367dc0958' },
  },
};

function answer(description: string, schema: SchemaObject): ResponseObject {
  return { description, content: { 'application/json': { schema } } };
}

const header = (name: string, description: string, example?: string) => ({
  name,
  in: 'header' as const,
  required: true,
  description,
  schema: { type: 'string' as const, ...(example ? { example } : {}) },
});

/**
 * The webhook route is served outside Nest's router (apps/api/src/webhooks/webhook-route.ts), so the
 * document describes it here rather than from a controller.
 */
export const WEBHOOK_OPERATION: PathItemObject = {
  post: {
    tags: ['webhooks'],
    operationId: 'WebhookRoute_receive',
    summary: 'GitHub webhook delivery (signed; committed before the answer, processed by the worker)',
    description:
      'Public: authenticated by `X-Hub-Signature-256` (HMAC-SHA256 of the raw body with a configured ' +
      'webhook secret). The delivery is stored and committed before the answer and processed by the worker; ' +
      'a delivery id already received is answered 200 `duplicate` and not processed again. Not rate limited.',
    security: [],
    parameters: [
      header('X-Hub-Signature-256', 'sha256=<hex HMAC of the raw body>'),
      header('X-GitHub-Event', 'event name, e.g. issues', 'issues'),
      header('X-GitHub-Delivery', 'GUID of the delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958'),
    ],
    requestBody: {
      required: true,
      description: "GitHub's event payload (up to 25 MB)",
      content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
    },
    responses: {
      '202': answer('stored and queued: `{status: "queued", delivery_id}`', ANSWER),
      '200': answer('a delivery id already received: `{status: "duplicate", delivery_id}`', ANSWER),
      '400': answer(
        'missing or malformed X-GitHub-Event / X-GitHub-Delivery, empty body, or malformed JSON (not stored)',
        ERROR_SCHEMA,
      ),
      '401': answer('missing or invalid signature (nothing stored)', ERROR_SCHEMA),
      '413': answer('body over 25 MB', ERROR_SCHEMA),
      '415': answer('Content-Type is not application/json', ERROR_SCHEMA),
      '503': answer('database unavailable: redeliver later (Retry-After)', ERROR_SCHEMA),
    },
  },
};
