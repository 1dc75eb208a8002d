import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { parseCli } from '../src/cli-args.js';
import type { RunningSimulator } from '../src/index.js';
import { admin } from './helpers.js';
import { type Hook, receiver, resetHook, startHookedSim, stopHookedSim } from './webhook-helpers.js';

describe('simulator webhooks: deliveries, subscriptions and configuration', () => {
  let sim: RunningSimulator;
  let hook: Hook;

  beforeAll(async () => ({ sim, hook } = await startHookedSim()));
  afterAll(() => stopHookedSim(sim, hook));
  beforeEach(() => resetHook(sim, hook));

  it('logs failed deliveries and redelivers with the same GUID', async () => {
    hook.status.code = 500;
    await admin(sim, 'POST', '/repos/acme/web/issues', { title: 'Will fail first' });
    await sim.webhooks.idle();
    const failed = (await admin(sim, 'GET', '/webhooks/deliveries?event=issues')).json as {
      id: number;
      guid: string;
      status: string;
      statusCode: number;
    }[];
    const last = failed.at(-1);
    expect(last).toMatchObject({ status: 'failed', statusCode: 500 });
    hook.status.code = 202;
    const again = await admin(sim, 'POST', `/webhooks/deliveries/${last?.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.json).toMatchObject({ guid: last?.guid, redelivery: true });
    await sim.webhooks.idle();
    const redelivered = hook.received.at(-1);
    expect(redelivered?.headers['x-github-delivery']).toBe(last?.guid);
    expect((await admin(sim, 'GET', `/webhooks/deliveries/${last?.id}`)).json).toMatchObject({
      request: { headers: { 'x-github-event': 'issues' } },
    });
    expect((await admin(sim, 'POST', '/webhooks/deliveries/99999/redeliver')).status).toBe(404);
  });

  it('only sends subscribed events to a hook, and stops after the hook is removed', async () => {
    const second = await receiver();
    const created = await admin(sim, 'POST', '/webhooks', {
      url: second.url,
      secret: '',
      events: ['issue_comment'],
      ping: false,
    });
    const id = (created.json as { id: number }).id;
    await admin(sim, 'POST', '/repos/acme/web/issues', { title: 'Not for the second hook' });
    await admin(sim, 'POST', '/repos/acme/web/issues/2/comments', { body: 'for both' });
    await sim.webhooks.idle();
    expect(second.received.map((r) => r.headers['x-github-event'])).toEqual(['issue_comment']);
    expect(second.received[0]?.headers['x-hub-signature-256']).toBeUndefined();
    expect((await admin(sim, 'DELETE', `/webhooks/${id}`)).status).toBe(204);
    await admin(sim, 'POST', '/repos/acme/web/issues/2/comments', { body: 'after removal' });
    await sim.webhooks.idle();
    expect(second.received).toHaveLength(1);
    await new Promise((resolve) => second.server.close(resolve));
  });

  it('takes a hook from the CLI flags or the environment', () => {
    expect(parseCli(['--webhook-url', 'http://x/hook', '--webhook-secret', 's'], {}).webhooks).toEqual([
      { url: 'http://x/hook', secret: 's' },
    ]);
    expect(parseCli([], { SIM_WEBHOOK_URL: 'http://y/h', SIM_WEBHOOK_SECRET: 't' }).webhooks).toEqual([
      { url: 'http://y/h', secret: 't' },
    ]);
    expect(parseCli([], {}).webhooks).toBeUndefined();
    expect(() => parseCli(['--webhook-url', 'ftp://x'], {})).toThrow('--webhook-url must be an http(s) URL');
  });
});
