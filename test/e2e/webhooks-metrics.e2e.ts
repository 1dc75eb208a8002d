import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { WEBHOOK_ENV } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, startSystem } from './support/system.js';

const DELIVERIES = 'github_mcp_webhook_deliveries_total';

/** The `event_type` label values of github_mcp_webhook_deliveries_total in GET /metrics. */
async function eventLabels(origin: string): Promise<{ labels: Set<string>; text: string }> {
  const res = await fetch(`${origin}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  const labels = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${DELIVERIES}{`)) continue;
    const label = /event_type="([^"]*)"/.exec(line)?.[1];
    if (label !== undefined) labels.add(label);
  }
  return { labels, text };
}

/** Issue 17: `X-GitHub-Event` is the sender's to write; it must not become an unbounded metrics label. */
describe('webhook metrics labels', () => {
  let system: TestSystem;
  let origin: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [], env: WEBHOOK_ENV, worker: false });
    origin = new URL(system.apiUrl).origin;
  });

  afterAll(async () => {
    await system?.close();
  });

  it('adds no label value for random X-GitHub-Event values with bad signatures, on any route', async () => {
    await deliver(system.apiUrl, { secret: 'not-the-secret' }); // `unverified` exists from here on
    const before = await eventLabels(origin);
    const names = Array.from(
      { length: 50 },
      () => `ev_${randomBytes(6).toString('hex').replace(/\d/g, 'x')}`,
    );
    const answers = await Promise.all(
      names.map((event, i) =>
        i % 2 === 0
          ? deliver(system.apiUrl, { event, secret: 'not-the-secret' }).then((a) => a.status)
          : fetch(`${system.apiUrl}/health/live`, {
              headers: { 'x-github-event': event, 'x-hub-signature-256': 'sha256=00' },
            }).then((r) => r.status),
      ),
    );
    expect(answers.filter((s, i) => i % 2 === 0 && s === 401)).toHaveLength(25);
    expect(answers.filter((s, i) => i % 2 === 1 && s === 200)).toHaveLength(25);
    const after = await eventLabels(origin);
    expect([...after.labels].filter((l) => !before.labels.has(l))).toEqual([]);
    for (const name of names) expect(after.text).not.toContain(name);
  });

  it('counts verified deliveries by known event name, any other name as `other`', async () => {
    expect(
      (await deliver(system.apiUrl, { event: 'ping', payload: { zen: 'metrics', hook_id: 91 } })).status,
    ).toBe(202);
    const made = await deliver(system.apiUrl, {
      event: 'zz_made_up',
      payload: { zen: 'metrics', hook_id: 92 },
    });
    expect(made.status).toBe(202);
    const { labels, text } = await eventLabels(origin);
    expect(labels.has('ping')).toBe(true);
    expect(labels.has('other')).toBe(true);
    expect(text).not.toContain('zz_made_up');
  });
});
