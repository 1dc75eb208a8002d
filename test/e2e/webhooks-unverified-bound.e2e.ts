import { randomUUID } from 'node:crypto';
import { type ClientRequest, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { WEBHOOK_ENV } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, startSystem, waitFor } from './support/system.js';

const MAX = 2;
const SIZE = 128 * 1024;

/** A forged delivery whose body is half sent: it holds one of the unverified-body permits until finished. */
interface Holder {
  req: ClientRequest;
  /** Sends the rest of the body; resolves with the answer's status. */
  finish(): Promise<number>;
}

/** Every holder, destroyed after the tests so that a failed test does not leave the API waiting for it. */
const holders: ClientRequest[] = [];

function hold(apiUrl: string): Holder {
  const req = request(`${apiUrl}/webhooks/github-mcp/`, {
    method: 'POST',
    agent: false,
    headers: {
      'content-type': 'application/json',
      'content-length': SIZE,
      'x-github-event': 'ping',
      'x-github-delivery': randomUUID(),
      'x-hub-signature-256': `sha256=${'0'.repeat(64)}`,
    },
  });
  const answer = new Promise<number>((resolve, reject) => {
    req.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
  });
  answer.catch(() => undefined); // an aborted holder's answer is never awaited
  holders.push(req);
  const body = Buffer.alloc(SIZE, 0x20);
  body.write('{"zen":"forged"}');
  req.write(body.subarray(0, SIZE / 2));
  return {
    req,
    finish: () => {
      req.end(body.subarray(SIZE / 2));
      return answer;
    },
  };
}

/** An unsigned delivery: 503 while every permit is held, else 401 after its body was read. */
async function probe(apiUrl: string): Promise<number> {
  return (await deliver(apiUrl, { secret: null })).status;
}

const held = (apiUrl: string) =>
  waitFor(
    'every unverified-body permit to be held',
    async () => ((await probe(apiUrl)) === 503 ? true : undefined),
    15_000,
  );

/**
 * Issue 17: at most WEBHOOK_MAX_UNVERIFIED_BODIES bodies are read before their signature is verified; over
 * that, a delivery is refused with 503 before its body is read, and a permit comes back when its body is
 * refused or its sender goes away. (What this bound buys under 20 forged 25 MB bodies is a figure of
 * `npm run bench:webhooks:forged`, not a timed test.)
 */
describe('unverified webhook bodies are bounded', () => {
  let system: TestSystem;

  beforeAll(async () => {
    const env = { ...WEBHOOK_ENV, WEBHOOK_MAX_UNVERIFIED_BODIES: String(MAX) };
    system = await startSystem({ repos: [], env, worker: false });
  });

  afterAll(async () => {
    for (const req of holders) req.destroy();
    await system?.close();
  });

  const stored = async () =>
    Number((await system.db.query('SELECT count(*) FROM github_webhook_events')).rows[0].count);

  it('sheds a delivery with 503 while every permit is held, and serves everything else', async () => {
    const pair = [hold(system.apiUrl), hold(system.apiUrl)];
    await held(system.apiUrl);
    const before = await stored();

    const signed = await deliver(system.apiUrl);
    expect(signed.status).toBe(503);
    expect(signed.body).toMatchObject({ error: { code: 'service_unavailable' } });
    const raw = await fetch(`${system.apiUrl}/webhooks/github-mcp/`, { method: 'POST', body: '{}' });
    expect(raw.headers.get('retry-after')).toBe('5');
    expect(raw.headers.get('connection')).toBe('close');
    await raw.arrayBuffer();
    expect((await fetch(`${system.apiUrl}/health/live`)).status).toBe(200);
    expect(await stored()).toBe(before);

    // A refused forgery gives its permit back: the next signed delivery is read, verified and stored.
    expect(await pair[0]?.finish()).toBe(401);
    const accepted = await deliver(system.apiUrl);
    expect(accepted.status).toBe(202);
    expect(await stored()).toBe(before + 1);
    expect(await pair[1]?.finish()).toBe(401);
  });

  it('gives a permit back when the sender goes away mid-body, exactly once', async () => {
    const first = [hold(system.apiUrl), hold(system.apiUrl)];
    await held(system.apiUrl);
    for (const holder of first) holder.req.destroy();
    // Both permits come back ...
    await waitFor(
      'the aborted bodies to release their permits',
      async () => ((await probe(system.apiUrl)) === 401 ? true : undefined),
      15_000,
    );
    // ... and no more than both: two new holders fill the bound again.
    const second = [hold(system.apiUrl), hold(system.apiUrl)];
    await held(system.apiUrl);
    expect(await Promise.all(second.map((holder) => holder.finish()))).toEqual([401, 401]);
    expect(await probe(system.apiUrl)).toBe(401);
  });
});
