import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator, SimComment, SimEvent, SimIssue } from '../src/index.js';
import { admin, call, callJson, connect, startTestSim } from './helpers.js';

describe('admin API', () => {
  let sim: RunningSimulator;
  let client: Client;

  beforeAll(async () => {
    sim = await startTestSim({
      repos: [{ owner: 'acme', name: 'web', issues: 10, comments: 10, pullRequests: 2 }],
    });
    client = await connect(sim);
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it('creates, edits, closes and deletes issues, bumping updated_at monotonically and emitting events', async () => {
    const events: SimEvent[] = [];
    const stop = sim.store.onEvent((e) => events.push(e));
    const created = await admin(sim, 'POST', '/repos/acme/web/issues', {
      title: 'From admin',
      body: 'b',
      labels: ['bug'],
      assignees: ['hubot'],
    });
    expect(created.status).toBe(201);
    const issue = created.json as SimIssue & { html_url: string };
    expect(issue).toMatchObject({
      title: 'From admin',
      user: 'mona',
      state: 'open',
      labels: ['bug'],
      assignees: ['hubot'],
    });
    expect(issue.html_url).toBe(`https://github.com/acme/web/issues/${issue.number}`);

    const edited = (
      await admin(sim, 'PATCH', `/repos/acme/web/issues/${issue.number}`, {
        body: 'changed',
        labels: ['question'],
      })
    ).json as SimIssue;
    expect(edited.updated_at > issue.updated_at).toBe(true);
    const closed = (
      await admin(sim, 'PATCH', `/repos/acme/web/issues/${issue.number}`, { state: 'closed', user: 'hubot' })
    ).json as SimIssue;
    expect(closed).toMatchObject({
      state: 'closed',
      state_reason: 'completed',
      closed_by: 'hubot',
      closed_at: closed.updated_at,
    });
    expect(closed.updated_at > edited.updated_at).toBe(true);

    const listed = await callJson<{ issues: Record<string, unknown>[] }>(client, 'list_issues', {
      owner: 'acme',
      repo: 'web',
      orderBy: 'UPDATED_AT',
      perPage: 1,
    });
    expect(listed.issues[0]).toMatchObject({
      number: issue.number,
      state: 'CLOSED',
      updated_at: closed.updated_at,
    });

    expect((await admin(sim, 'GET', `/repos/acme/web/issues/${issue.number}`)).json).toMatchObject({
      body: 'changed',
    });
    expect((await admin(sim, 'DELETE', `/repos/acme/web/issues/${issue.number}`)).status).toBe(204);
    expect((await admin(sim, 'GET', `/repos/acme/web/issues/${issue.number}`)).status).toBe(410);
    stop();
    expect(events.map((e) => e.type)).toEqual([
      'issue.opened',
      'issue.edited',
      'issue.labeled',
      'issue.unlabeled',
      'issue.closed',
      'issue.deleted',
    ]);
    expect(events[1]?.changes).toEqual({ body: { from: 'b' } });
    expect(events[1]?.sender.login).toBe('mona');
    expect(events[2]?.label?.name).toBe('question');
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
  });

  it('adds, edits and deletes comments; the issue follows', async () => {
    const n = ((await admin(sim, 'POST', '/repos/acme/web/issues', { title: 'talk' })).json as SimIssue)
      .number;
    const comment = (
      await admin(sim, 'POST', `/repos/acme/web/issues/${n}/comments`, { body: 'first', user: 'li-wei' })
    ).json as SimComment;
    expect(comment).toMatchObject({ body: 'first', user: 'li-wei', issue_number: n });
    const edited = await admin(sim, 'PATCH', `/repos/acme/web/issues/comments/${comment.id}`, {
      body: 'first (edited)',
    });
    expect((edited.json as SimComment).updated_at > comment.updated_at).toBe(true);
    const seen = await callJson<Record<string, unknown>[]>(client, 'issue_read', {
      method: 'get_comments',
      owner: 'acme',
      repo: 'web',
      issue_number: n,
    });
    expect(seen.map((c) => c['body'])).toEqual(['first (edited)']);
    expect((await admin(sim, 'DELETE', `/repos/acme/web/issues/comments/${comment.id}`)).status).toBe(204);
    expect(sim.store.repo('acme', 'web')?.items.get(n)?.comments).toBe(0);
    const types = sim.store
      .recentEvents()
      .slice(-3)
      .map((e) => e.type);
    expect(types).toEqual(['comment.created', 'comment.edited', 'comment.deleted']);
  });

  it('answers 400/404/422 for bad requests', async () => {
    expect((await admin(sim, 'POST', '/repos/acme/web/issues', { body: 'no title' })).status).toBe(400);
    expect((await admin(sim, 'POST', '/repos/acme/nope/issues', { title: 'x' })).status).toBe(404);
    expect((await admin(sim, 'PATCH', '/repos/acme/web/issues/9999', { title: 'x' })).status).toBe(404);
    expect((await admin(sim, 'PATCH', '/repos/acme/web/issues/1', { state: 'merged' })).status).toBe(400);
    expect((await admin(sim, 'PATCH', '/repos/acme/web/issues/1', { assignees: ['stranger'] })).status).toBe(
      422,
    );
  });

  it('registers and revokes tokens', async () => {
    const token = 'ghu_' + 'k'.repeat(36);
    expect((await admin(sim, 'POST', '/tokens', { token, login: 'new-user' })).json).toMatchObject({
      token,
      login: 'new-user',
    });
    const c = await connect(sim, token);
    expect(JSON.parse((await call(c, 'get_me', {})).text)).toMatchObject({ login: 'new-user' });
    expect((await admin(sim, 'DELETE', `/tokens/${token}`)).status).toBe(204);
    expect((await call(c, 'get_me', {})).text).toBe(
      'failed to get user: GET https://api.github.com/user: 401 Bad credentials []',
    );
    await c.close();
  });

  it('adds generated repositories and resets to a new seed', async () => {
    expect(
      (
        await admin(sim, 'POST', '/repos', {
          owner: 'acme',
          name: 'api',
          issues: 5,
          comments: 3,
          pullRequests: 1,
        })
      ).status,
    ).toBe(201);
    expect((await admin(sim, 'POST', '/repos', { owner: 'acme', name: 'api' })).status).toBe(409);
    const api = await callJson<{ totalCount: number }>(client, 'list_issues', { owner: 'acme', repo: 'api' });
    expect(api.totalCount).toBe(5);
    const reset = await admin(sim, 'POST', '/reset', {
      seed: 99,
      repos: [{ owner: 'globex', name: 'site', issues: 4, comments: 2 }],
    });
    expect(reset.json).toMatchObject({
      seed: 99,
      repos: [{ full_name: 'globex/site', issues: 4, comments: 2 }],
    });
    expect((await call(client, 'list_issues', { owner: 'acme', repo: 'web' })).isError).toBe(true);
    expect(
      (await callJson<{ totalCount: number }>(client, 'list_issues', { owner: 'globex', repo: 'site' }))
        .totalCount,
    ).toBe(4);
    const again = await admin(sim, 'POST', '/reset', {});
    expect(again.json).toMatchObject({ seed: 99, repos: [{ full_name: 'globex/site' }] });
  });
});
