/** A receiver standing in for the API and a simulator with one hook to it, shared by the webhook specs. */
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@jest/globals';
import type { RunningSimulator } from '../src/index.js';
import { admin, startTestSim } from './helpers.js';

export const SECRET = 'sim-hook-secret';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

export type Hook = Awaited<ReturnType<typeof receiver>>;

/** A receiver standing in for the API: records deliveries, answers 202 (or `status`). */
export async function receiver(): Promise<{
  url: string;
  received: Received[];
  status: { code: number };
  server: Server;
}> {
  const received: Received[] = [];
  const status = { code: 202 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, json: JSON.parse(body) as Record<string, unknown> });
      res.writeHead(status.code, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, status, server };
}

/** A simulator of acme/web whose hook 1 (all events, signed with SECRET, installation 77) posts to a receiver. */
export async function startHookedSim(): Promise<{ sim: RunningSimulator; hook: Hook }> {
  const sim = await startTestSim({
    repos: [{ owner: 'acme', name: 'web', issues: 10, comments: 10, pullRequests: 3 }],
  });
  const hook = await receiver();
  const created = await admin(sim, 'POST', '/webhooks', {
    url: hook.url,
    secret: SECRET,
    installation_id: 77,
  });
  expect(created.status).toBe(201);
  expect(created.json).toMatchObject({ id: 1, events: ['*'], hasSecret: true });
  expect(JSON.stringify(created.json)).not.toContain(SECRET);
  return { sim, hook };
}

export async function stopHookedSim(sim: RunningSimulator, hook: Hook): Promise<void> {
  await sim.close();
  await new Promise((resolve) => hook.server.close(resolve));
}

/** Between tests: nothing in flight, nothing received, the receiver answering 202 again. */
export async function resetHook(sim: RunningSimulator, hook: Hook): Promise<void> {
  await sim.webhooks.idle();
  hook.received.length = 0;
  hook.status.code = 202;
}

/** The last delivery of `event` once the queue is idle (there must be one). */
export async function lastDelivery(sim: RunningSimulator, hook: Hook, event: string): Promise<Received> {
  await sim.webhooks.idle();
  const found = hook.received.filter((r) => r.headers['x-github-event'] === event);
  expect(found.length).toBeGreaterThan(0);
  return found.at(-1) as Received;
}
