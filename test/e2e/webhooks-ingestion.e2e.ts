import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '#libs/config';
import { SecretCipher, webhookSecretBinding } from '#libs/secrets';
import { startApi } from '../../apps/api/src/bootstrap.js';
import { freePort } from '../../scripts/lib/proc.js';
import { TEST_WEBHOOK_SECRET, deliver, sign } from '../../libs/webhooks/test/support/deliveries.js';
import { payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { eventRow, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

const OLD_SECRET = 'the-secret-being-rotated-out';
const REPOS = [
  { owner: 'acme', name: 'web', issues: 5, comments: 0, pullRequests: 0 },
  { owner: 'globex', name: 'app', issues: 5, comments: 0, pullRequests: 0 },
];

/** `POST /api/webhooks/github-mcp/`: verification, durability, idempotence, error answers. */
describe('webhook ingestion', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startSystem({
      repos: REPOS,
      env: {
        GITHUB_WEBHOOK_SECRET: `${TEST_WEBHOOK_SECRET},${OLD_SECRET}`,
        WEBHOOK_RELAY_INTERVAL_MS: '300',
      },
    });
    await seedWorkspace(system, ['acme/web']);
    await seedWorkspace(system, ['globex/app'], 'globex');
  });

  afterAll(async () => {
    await system?.close();
  });

  async function stored(): Promise<number> {
    const { rows } = await system.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM github_webhook_events',
    );
    return rows[0]?.n ?? 0;
  }

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

  it('accepts every secret of the rotation list, and an integration’s own secret', async () => {
    expect((await deliver(system.apiUrl, { secret: TEST_WEBHOOK_SECRET })).status).toBe(202);
    expect((await deliver(system.apiUrl, { secret: OLD_SECRET })).status).toBe(202);
    const cipher = new SecretCipher(system.config.secrets.activeKeyId, system.config.secrets.keys);
    const found = await system.db.query<{ id: string }>(
      `SELECT i.id FROM workspace_integrations i JOIN workspaces w ON w.id = i.workspace_id WHERE w.slug = 'globex'`,
    );
    const globex = String(found.rows[0]?.id);
    await system.db.query('UPDATE workspace_integrations SET webhook_secret_encrypted = $1 WHERE id = $2', [
      cipher.encrypt('globex-own-secret', webhookSecretBinding(globex)),
      globex,
    ]);
    const payload = payloadFor(system.sim, {
      event: 'issues',
      action: 'edited',
      repository: 'globex/app',
      number: 1,
    });
    const own = await deliver(system.apiUrl, { event: 'issues', payload, secret: 'globex-own-secret' });
    expect(own.status).toBe(202);
    const { rows } = await system.db.query(
      `SELECT e.workspace_integration_id = i.id AS scoped FROM github_webhook_events e, workspace_integrations i
       JOIN workspaces w ON w.id = i.workspace_id AND w.slug = 'globex' WHERE e.delivery_id = $1`,
      [own.deliveryId],
    );
    expect(rows[0]).toEqual({ scoped: true });
    const acmePayload = payloadFor(system.sim, { event: 'issues', action: 'edited', number: 1 });
    const elsewhere = await deliver(system.apiUrl, {
      event: 'issues',
      payload: acmePayload,
      secret: 'globex-own-secret',
    });
    expect(elsewhere.status).toBe(401);
    expect((await settled(system, own.deliveryId)).status).toBe('processed');
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

  it('answers 400 to malformed JSON with a valid signature and stores nothing, so a fixed redelivery is accepted', async () => {
    const deliveryId = randomUUID();
    const bad = await deliver(system.apiUrl, { deliveryId, payload: '{"zen": "unterminated' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { field: 'body', message: expect.stringMatching(/not valid JSON/) },
    });
    expect(await eventRow(system.db, deliveryId)).toBeUndefined();
    expect((await deliver(system.apiUrl, { deliveryId, payload: '[1,2]' })).status).toBe(400);
    const fixed = await deliver(system.apiUrl, { deliveryId });
    expect(fixed.status).toBe(202);
  });

  it('the same delivery posted 20 times at once is stored once and processed once', async () => {
    const number = 5;
    const payload = payloadFor(system.sim, {
      event: 'issues',
      action: 'opened',
      number,
      payload: { issue: { title: 'Exactly once' } },
    });
    const deliveryId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => deliver(system.apiUrl, { event: 'issues', deliveryId, payload })),
    );
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    const duplicates = answers.filter((a) => a.status === 200);
    expect(duplicates).toHaveLength(19);
    expect(duplicates[0]?.body).toEqual({ status: 'duplicate', delivery_id: deliveryId });
    const row = await settled(system, deliveryId);
    expect(row).toMatchObject({ status: 'processed', retry_count: 0 });
    const { rows } = await system.db.query(
      `SELECT (SELECT count(*)::int FROM github_webhook_events WHERE delivery_id = $1) AS events,
              (SELECT count(*)::int FROM issues WHERE title = 'Exactly once') AS issues`,
      [deliveryId],
    );
    expect(rows[0]).toEqual({ events: 1, issues: 1 });
    const again = await deliver(system.apiUrl, { event: 'issues', deliveryId, payload });
    expect(again.status).toBe(200);
    expect((await eventRow(system.db, deliveryId))?.status).toBe('processed');
  });

  it('keeps each workspace to its own events: others are absent from the list and 404', async () => {
    const acme = await seedTokens('acme');
    const globex = await seedTokens('globex');
    const path = (slug: string) => `/workspaces/${slug}/integrations/github-mcp/webhook-events`;
    const acmeList = await http(system.apiUrl, acme).get(`${path('acme')}/?event=issues&per_page=100`);
    const globexList = await http(system.apiUrl, globex).get(`${path('globex')}/?event=issues&per_page=100`);
    const ids = (list: { body: Record<string, unknown> }) =>
      (list.body.results as { delivery_id: string }[]).map((r) => r.delivery_id);
    expect(ids(acmeList).length).toBeGreaterThan(0);
    expect(ids(globexList).length).toBeGreaterThan(0);
    expect(ids(acmeList).filter((id) => ids(globexList).includes(id))).toEqual([]);
    const foreign = ids(acmeList)[0] as string;
    expect((await http(system.apiUrl, globex).get(`${path('globex')}/${foreign}/`)).status).toBe(404);
    expect((await http(system.apiUrl, globex).post(`${path('globex')}/${foreign}/replay/`, {})).status).toBe(
      404,
    );
    expect((await http(system.apiUrl, globex).get(`${path('acme')}/`)).status).toBe(404);
    expect((await http(system.apiUrl).get(`${path('acme')}/`)).status).toBe(401);
  });

  it('answers 503 when Postgres is unreachable, and keeps running', async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: `postgresql://nobody:nothing@127.0.0.1:${await freePort()}/none`,
      REDIS_URL: system.config.redisUrl,
      QUEUE_PREFIX: `${system.config.queue.prefix}-nodb`,
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      GITHUB_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      API_HOST: '127.0.0.1',
    });
    const { app, url } = await startApi(config, 0);
    try {
      const first = await deliver(url);
      expect(first.status).toBe(503);
      expect(first.body).toMatchObject({ error: { code: 'service_unavailable' } });
      await waitFor('a second answer', async () => ((await deliver(url)).status === 503 ? true : undefined));
    } finally {
      await app.close();
    }
  });

  async function seedTokens(slug: string): Promise<string> {
    const { token } = await system.admin.createToken({
      workspace: slug,
      email: `admin@${slug}.test`,
      name: 'events',
    });
    return token;
  }
});
