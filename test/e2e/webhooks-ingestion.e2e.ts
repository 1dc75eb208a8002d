import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from '@jest/globals';
import { TEST_WEBHOOK_SECRET, deliver, sign } from '../../libs/webhooks/test/support/deliveries.js';
import type { TestSystem } from './support/system.js';
import { useIngestion } from './webhook-systems.js';
/** `POST /api/webhooks/github-mcp/`: verification, routing and the answers to requests it refuses. */
describe('webhook ingestion', () => {
  let system: TestSystem;

  const { stored } = useIngestion((started) => (system = started));

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const before = await stored();
    const missing = await deliver(system.apiUrl, { secret: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      error: { code: 'unauthorized', message: expect.stringMatching(/missing/) },
    });
    const wrong = await deliver(system.apiUrl, { secret: 'not-the-secret' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { message: expect.stringMatching(/invalid/) } });
    const tampered = await deliver(system.apiUrl, {
      payload: '{"zen":"changed"}',
      headers: { 'x-hub-signature-256': sign(TEST_WEBHOOK_SECRET, '{"zen":"original"}') },
    });
    expect(tampered.status).toBe(401);
    expect(await stored()).toBe(before);
  });

  it('answers 400 naming a missing X-GitHub-Event or X-GitHub-Delivery', async () => {
    const noEvent = await deliver(system.apiUrl, { headers: { 'x-github-event': undefined } });
    expect(noEvent.status).toBe(400);
    expect(noEvent.body).toMatchObject({ error: { code: 'bad_request', field: 'X-GitHub-Event' } });
    const noDelivery = await deliver(system.apiUrl, { headers: { 'x-github-delivery': undefined } });
    expect(noDelivery.status).toBe(400);
    expect(noDelivery.body).toMatchObject({ error: { field: 'X-GitHub-Delivery' } });
  });

  it('answers 415 to a non-JSON content type', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const sent = await deliver(system.apiUrl, { headers: { 'content-type': type } });
      expect(sent.status).toBe(415);
      expect(sent.body).toMatchObject({ error: { code: 'unsupported_media_type' } });
    }
    expect(
      (await deliver(system.apiUrl, { headers: { 'content-type': 'application/json; charset=utf-8' } }))
        .status,
    ).toBe(202);
  });

  it('answers 413 to a body over 25 MB, before reading it, and stores nothing', async () => {
    const before = await stored();
    const huge = Buffer.alloc(25 * 1024 * 1024 + 16, 0x20);
    huge.write('{"zen":"');
    huge.write('"}', huge.length - 2);
    const sent = await deliver(system.apiUrl, { payload: huge });
    expect(sent.status).toBe(413);
    expect(sent.body).toMatchObject({ error: { code: 'payload_too_large' } });
    const large = `{"zen":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    expect((await deliver(system.apiUrl, { payload: large })).status).toBe(202);
    expect(await stored()).toBe(before + 1);
  });

  it('also counts a body sent without Content-Length: over 25 MB is 413 and nothing is stored', async () => {
    const before = await stored();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${system.apiUrl}/webhooks/github-mcp/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'ping',
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': sign(TEST_WEBHOOK_SECRET, '{}'),
        },
      });
      req.once('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.once('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 26; i++) req.write(chunk); // chunked transfer encoding: no length up front
      req.end();
    });
    expect(status).toBe(413);
    expect(await stored()).toBe(before);
  });

  it('takes the route with or without the trailing slash or a query, echoes X-Request-Id, leaves GET to the app', async () => {
    const payload = JSON.stringify({ zen: 'Approachable is better than simple.', hook_id: 3 });
    const sent = await fetch(`${system.apiUrl}/webhooks/github-mcp?source=test`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'ping',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': sign(TEST_WEBHOOK_SECRET, payload),
        'x-request-id': 'hook-request-1',
      },
      body: payload,
    });
    expect(sent.status).toBe(202);
    expect(sent.headers.get('x-request-id')).toBe('hook-request-1');
    const get = await fetch(`${system.apiUrl}/webhooks/github-mcp/`);
    expect(get.status).toBe(404);
    expect(await get.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
