import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '#libs/config';
import { SecretCipher, webhookSecretBinding } from '#libs/secrets';
import { startApi } from '../../apps/api/src/bootstrap.js';
import { freePort } from '../../scripts/lib/proc.js';
import { TEST_WEBHOOK_SECRET, deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { eventRow, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, http, waitFor } from './support/system.js';
import { OLD_SECRET, useIngestion } from './webhook-systems.js';
/** `POST /api/webhooks/github-mcp/`: every secret of the rotation, a delivery stored once or not at all, each workspace's own events, Postgres away. */
describe('webhook ingestion: storage', () => {
  let system: TestSystem;

  useIngestion((started) => (system = started));

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
