import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_WEBHOOK_SECRET, sign } from '../../libs/webhooks/test/support/deliveries.js';
import { eventRow } from '../../libs/webhooks/test/support/system.js';
import { type EntryProcess, startEntry, stopAllEntries } from '../support/process.js';
import { childEnv, jsonLines, partialPost, statusOf } from './support/ops-process.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

/** The built API entry as its own process: JSON logs, and a graceful SIGTERM that loses no webhook. */
describe('API process: structured logs and graceful shutdown', () => {
  let system: TestSystem;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let api: EntryProcess;
  let base: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [{ owner: 'acme', name: 'web', issues: 5 }], worker: false });
    seeded = await seedWorkspace(system, ['acme/web']);
    api = startEntry('apps/api/src/main', {
      env: childEnv(system, {
        GITHUB_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        TRUST_PROXY: '1',
        QUEUE_DASHBOARD_WORKSPACES: 'acme',
        SHUTDOWN_DELAY: '3',
        SHUTDOWN_TIMEOUT: '60',
      }),
    });
    const output = await api.waitForOutput(/api listening on (http:\/\/\S+)"/);
    base = /api listening on (http:\/\/[^"\s]+)/.exec(output)?.[1] ?? '';
  });

  afterAll(async () => {
    await stopAllEntries();
    await system?.close();
  });

  it('logs one JSON line per request with request id, delivery id and client IP, secrets redacted', async () => {
    const status = await fetch(`${base}/workspaces/acme/integrations/github-mcp/status/`, {
      headers: {
        authorization: `Bearer ${seeded.adminToken}`,
        'x-request-id': 'ops-test-request-1',
        'x-forwarded-for': '6.6.6.6, 203.0.113.7', // forged by the client, then appended by the proxy
        cookie: 'session=do-not-log-me',
      },
    });
    expect(status.status).toBe(200);
    const deliveryId = randomUUID();
    const payload = JSON.stringify({ zen: 'Design for failure.', hook_id: 7 });
    const hook = await fetch(`${base}/webhooks/github-mcp/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'ping',
        'x-github-delivery': deliveryId,
        'x-hub-signature-256': sign(TEST_WEBHOOK_SECRET, payload),
        'x-forwarded-for': '6.6.6.6, 198.51.100.9',
      },
      body: payload,
    });
    expect(hook.status).toBe(202);
    const login = await fetch(`${new URL(base).origin}/api/admin/queues?token=${seeded.adminToken}`, {
      redirect: 'manual',
    });
    expect(login.status).toBe(303);

    const lines = await waitFor('the request log lines', async () => {
      const parsed = jsonLines(api.output());
      return parsed.some((l) => l.delivery_id === deliveryId && l.msg) ? parsed : undefined;
    });
    const request = lines.find((l) => l.request_id === 'ops-test-request-1');
    expect(request).toMatchObject({
      level: 'info',
      service: 'api',
      msg: 'GET /api/workspaces/acme/integrations/github-mcp/status/ 200',
      req: { method: 'GET', remote_address: '203.0.113.7' },
      res: { status_code: 200 },
      response_time_ms: expect.any(Number),
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(lines.find((l) => l.delivery_id === deliveryId)).toMatchObject({
      github_event: 'ping',
      msg: 'POST /api/webhooks/github-mcp/ 202',
      req: { remote_address: '198.51.100.9' },
    });
    const output = api.output();
    for (const secret of [seeded.adminToken, TEST_WEBHOOK_SECRET, 'do-not-log-me']) {
      expect(output).not.toContain(secret);
    }
    expect(output.split('\n').filter((l) => l.trim() && !l.startsWith('{'))).toEqual([]);
  });

  it('on SIGTERM turns readiness 503, stops accepting, finishes the request in flight and exits 0', async () => {
    const deliveryId = randomUUID();
    const payload = JSON.stringify({ zen: 'Half measures are as bad as nothing at all.', hook_id: 8 });
    const inFlight = partialPost(
      `${base}/webhooks/github-mcp/`,
      {
        'content-type': 'application/json',
        'x-github-event': 'ping',
        'x-github-delivery': deliveryId,
        'x-hub-signature-256': sign(TEST_WEBHOOK_SECRET, payload),
      },
      payload,
    );
    expect(await statusOf(`${base}/health/live`)).toBe(200); // the half-sent delivery has reached the API
    api.child.kill('SIGTERM');

    const ready = await waitFor('readiness to say shutting_down', async () => {
      const res = await fetch(`${base}/health/`).catch(() => undefined);
      const body = (await res?.json()) as Record<string, unknown> | undefined;
      return body?.status === 'shutting_down' ? { status: res?.status, body } : undefined;
    });
    expect(ready.status).toBe(503);
    expect(await statusOf(`${base}/health/live`)).toBe(200); // still serving during SHUTDOWN_DELAY
    await waitFor('the listener to close', async () =>
      (await statusOf(`${base}/health/live`)) === 'refused' ? true : undefined,
    );

    inFlight.finish();
    const answer = await inFlight.response;
    expect(answer.status).toBe(202);
    expect(answer.headers.connection).toBe('close');
    expect(await api.exited).toBe(0);
    expect(await eventRow(system.db, deliveryId)).toMatchObject({
      delivery_id: deliveryId,
      event_type: 'ping',
    });
    expect(api.output()).toContain('api stopped');
  });
});
