import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator } from '../src/index.js';
import { admin, callJson, connect } from './helpers.js';
import {
  type Hook,
  SECRET,
  lastDelivery,
  resetHook,
  startHookedSim,
  stopHookedSim,
} from './webhook-helpers.js';

describe('simulator webhooks: the events sent', () => {
  let sim: RunningSimulator;
  let client: Client;
  let hook: Hook;

  beforeAll(async () => {
    ({ sim, hook } = await startHookedSim());
    client = await connect(sim);
  });
  afterAll(async () => {
    await client.close();
    await stopHookedSim(sim, hook);
  });
  beforeEach(() => resetHook(sim, hook));

  const next = (event: string) => lastDelivery(sim, hook, event);

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
});
