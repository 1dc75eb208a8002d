import { createHmac } from 'node:crypto';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { parseCli } from '../src/cli-args.js';
import type { RunningSimulator } from '../src/index.js';
import { admin, callJson, connect, startTestSim } from './helpers.js';

const SECRET = 'sim-hook-secret';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
}

/** A receiver standing in for the API: records deliveries, answers 202 (or `status`). */
async function receiver(): Promise<{
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

describe('simulator webhooks', () => {
  let sim: RunningSimulator;
  let client: Client;
  let hook: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 10, comments: 10, pullRequests: 3 }],
    });
    client = await connect(sim);
    hook = await receiver();
    const created = await admin(sim, 'POST', '/webhooks', {
      url: hook.url,
      secret: SECRET,
      installation_id: 77,
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 1, events: ['*'], hasSecret: true });
    expect(JSON.stringify(created.json)).not.toContain(SECRET);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
    await new Promise((resolve) => hook.server.close(resolve));
  });
  beforeEach(async () => {
    await sim.webhooks.idle();
    hook.received.length = 0;
    hook.status.code = 202;
  });

  async function next(event: string): Promise<Received> {
    await sim.webhooks.idle();
    const found = hook.received.filter((r) => r.headers['x-github-event'] === event);
    expect(found.length).toBeGreaterThan(0);
    return found.at(-1) as Received;
  }

  it('sends a signed ping when the hook is created, with GitHub headers', async () => {
    const ping = sim.webhooks.deliveries().find((d) => d.event === 'ping');
    expect(ping?.status).toBe('delivered');
    const body = ping?.request.body ?? '';
    expect(ping?.request.headers).toMatchObject({
      'content-type': 'application/json',
      'x-github-event': 'ping',
      'x-github-delivery': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'user-agent': expect.stringMatching(/^GitHub-Hookshot\/[0-9a-f]{7}$/),
      'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
    });
    expect(JSON.parse(body)).toMatchObject({ hook_id: 1, zen: expect.any(String), installation: { id: 77 } });
  });

  it('delivers issues events with REST issue, repository, sender and installation objects', async () => {
    const created = await admin(sim, 'POST', '/repos/acme/web/issues', {
      title: 'Hooked',
      body: 'raw <b>html</b> & text',
      labels: ['bug'],
      assignees: ['hubot'],
      user: 'jane-doe',
    });
    const number = (created.json as { number: number }).number;
    const opened = await next('issues');
    const signature = createHmac('sha256', SECRET).update(opened.body).digest('hex');
    expect(opened.headers['x-hub-signature-256']).toBe(`sha256=${signature}`);
    expect(opened.json).toMatchObject({
      action: 'opened',
      issue: {
        number,
        title: 'Hooked',
        body: 'raw <b>html</b> & text',
        state: 'open',
        state_reason: null,
        html_url: `https://github.com/acme/web/issues/${number}`,
        url: `https://api.github.com/repos/acme/web/issues/${number}`,
        user: { login: 'jane-doe', type: 'User' },
        labels: [{ name: 'bug', color: expect.any(String), id: expect.any(Number) }],
        assignees: [{ login: 'hubot' }],
        assignee: { login: 'hubot' },
        author_association: 'NONE',
        reactions: { total_count: 0 },
      },
      repository: {
        full_name: 'acme/web',
        owner: { login: 'acme' },
        default_branch: expect.any(String),
        visibility: 'public',
      },
      sender: { login: 'jane-doe' },
      installation: { id: 77 },
    });
    expect(typeof (opened.json.issue as { id: unknown }).id).toBe('number');

    await admin(sim, 'PATCH', `/repos/acme/web/issues/${number}`, { title: 'Renamed', labels: [] });
    await sim.webhooks.idle();
    const actions = hook.received.map((r) => `${r.headers['x-github-event']}.${String(r.json.action)}`);
    expect(actions).toEqual(expect.arrayContaining(['issues.edited', 'issues.unlabeled']));
    const edited = hook.received.find((r) => r.json.action === 'edited');
    expect(edited?.json).toMatchObject({
      changes: { title: { from: 'Hooked' } },
      issue: { title: 'Renamed' },
    });
    const unlabeled = hook.received.find((r) => r.json.action === 'unlabeled');
    expect(unlabeled?.json).toMatchObject({ label: { name: 'bug' }, issue: { labels: [] } });

    await admin(sim, 'PATCH', `/repos/acme/web/issues/${number}`, {
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect((await next('issues')).json).toMatchObject({
      action: 'closed',
      issue: { state: 'closed', state_reason: 'not_planned', closed_at: expect.any(String) },
    });
    await admin(sim, 'DELETE', `/repos/acme/web/issues/${number}`);
    expect((await next('issues')).json).toMatchObject({ action: 'deleted', issue: { number } });
  });

  it('delivers issue_comment events, also for changes made through MCP write tools', async () => {
    await callJson(client, 'add_issue_comment', {
      owner: 'acme',
      repo: 'web',
      issue_number: 1,
      body: 'via MCP',
    });
    const created = await next('issue_comment');
    expect(created.json).toMatchObject({
      action: 'created',
      issue: { number: 1 },
      comment: { body: 'via MCP', user: { login: 'octocat' }, id: expect.any(Number) },
      sender: { login: 'octocat' },
    });
    const commentId = (created.json.comment as { id: number }).id;
    await admin(sim, 'PATCH', `/repos/acme/web/issues/comments/${commentId}`, { body: 'edited' });
    expect((await next('issue_comment')).json).toMatchObject({
      action: 'edited',
      changes: { body: { from: 'via MCP' } },
      comment: { body: 'edited' },
    });
  });

  it('sends pull_request events for changes to pull requests, and custom events on demand', async () => {
    const pr = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].find((i) => i.pull);
    await admin(sim, 'PATCH', `/repos/acme/web/issues/${pr?.number}`, { labels: ['hooked-pr'] });
    await next('pull_request');
    const labeled = hook.received.find((r) => r.json.action === 'labeled');
    expect(labeled?.headers['x-github-event']).toBe('pull_request');
    expect(labeled?.json).toMatchObject({
      label: { name: 'hooked-pr' },
      number: pr?.number,
      pull_request: {
        number: pr?.number,
        head: { ref: expect.any(String) },
        base: { ref: expect.any(String) },
      },
    });
    const sent = await admin(sim, 'POST', '/webhooks/send', {
      event: 'pull_request',
      action: 'closed',
      repository: 'acme/web',
      number: pr?.number,
      payload: { pull_request: { merged: true, state: 'closed' } },
    });
    expect(sent.status).toBe(202);
    expect((await next('pull_request')).json).toMatchObject({
      action: 'closed',
      pull_request: { merged: true, state: 'closed', number: pr?.number },
      repository: { full_name: 'acme/web' },
    });
    expect((await admin(sim, 'POST', '/webhooks/send', { event: 'Bad Name' })).status).toBe(400);
  });

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
