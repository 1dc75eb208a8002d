/** `/_admin/webhooks`: configure hooks, read the delivery log, redeliver, send custom events. */
import express from 'express';
import type { Request, Router } from 'express';
import { guard } from '../http/admin-common.js';
import { BadRequest, asBody, int, str, strings } from '../http/admin-validate.js';
import type { SimStore } from '../store/store.js';
import { customEvent } from './custom-events.js';
import type { WebhookDispatcher } from './dispatcher.js';
import type { DeliveryRecord, WebhookHook } from './types.js';

function hookView(hook: WebhookHook): Record<string, unknown> {
  const { secret, ...rest } = hook;
  return { ...rest, hasSecret: secret !== '' };
}

/** The log entry without the request body (GET …/deliveries/:id has everything). */
function deliverySummary(record: DeliveryRecord): Record<string, unknown> {
  const { request: _request, response: _response, ...rest } = record;
  return rest;
}

function id(req: Request): number {
  const raw = String(req.params['id'] ?? '');
  if (!/^\d+$/.test(raw)) throw new BadRequest('id must be a positive integer');
  return Number(raw);
}

export function webhookAdminRouter(store: SimStore, webhooks: WebhookDispatcher): Router {
  const router = express.Router();
  router.use(express.json({ limit: '5mb' }));
  router.post(
    '/',
    guard((req, res) => {
      const body = asBody(req.body);
      const url = str(body, 'url', true);
      if (!/^https?:\/\//.test(url)) throw new BadRequest('url must be an http(s) URL');
      const ping = body['ping'];
      if (ping !== undefined && typeof ping !== 'boolean') throw new BadRequest('ping must be a boolean');
      const hook = webhooks.addHook({
        url,
        secret: str(body, 'secret') ?? '',
        events: strings(body, 'events'),
        installationId: int(body, 'installation_id'),
        ping: ping !== false,
      });
      res.status(201).json(hookView(hook));
    }),
  );
  router.get(
    '/',
    guard((_req, res) => res.json(webhooks.listHooks().map(hookView))),
  );
  router.delete(
    '/',
    guard((_req, res) => {
      webhooks.clearHooks();
      res.status(204).end();
    }),
  );
  router.get(
    '/deliveries',
    guard((req, res) => {
      const event = typeof req.query['event'] === 'string' ? req.query['event'] : undefined;
      const list = webhooks.deliveries().filter((d) => !event || d.event === event);
      res.json(list.map(deliverySummary));
    }),
  );
  router.get(
    '/deliveries/:id',
    guard((req, res) => {
      const record = webhooks.delivery(id(req));
      if (!record) res.status(404).json({ error: 'delivery not found' });
      else res.json(record);
    }),
  );
  router.post(
    '/deliveries/:id/redeliver',
    guard((req, res) => {
      const record = webhooks.redeliver(id(req));
      if (!record) res.status(404).json({ error: 'delivery (or its hook) not found' });
      else res.status(202).json(deliverySummary(record));
    }),
  );
  router.post(
    '/send',
    guard((req, res) => {
      const body = asBody(req.body);
      const payload = body['payload'];
      if (
        payload !== undefined &&
        (typeof payload !== 'object' || payload === null || Array.isArray(payload))
      )
        throw new BadRequest('payload must be a JSON object');
      const outgoing = customEvent(store, {
        event: str(body, 'event', true),
        action: str(body, 'action'),
        repository: str(body, 'repository'),
        number: int(body, 'number'),
        sender: str(body, 'sender'),
        payload: payload as Record<string, unknown> | undefined,
      });
      res.status(202).json(webhooks.send(outgoing).map(deliverySummary));
    }),
  );
  router.post('/idle', (_req, res, next) => {
    webhooks.idle().then(() => res.status(204).end(), next);
  });
  router.delete(
    '/:id',
    guard((req, res) => {
      res.status(webhooks.removeHook(id(req)) ? 204 : 404).end();
    }),
  );
  return router;
}
