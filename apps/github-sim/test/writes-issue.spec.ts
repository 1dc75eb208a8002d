import { describe, expect, it } from '@jest/globals';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { RunningSimulator } from '../src/index.js';
import { call, callJson } from './helpers.js';
import { REPO, useWriteSim } from './write-helpers.js';

describe('issue_write', () => {
  let sim: RunningSimulator;
  let client: Client;

  const { issue, create } = useWriteSim((started) => ({ sim, client } = started));

  it('create answers {id,url} with the database id as a string and sends body "" when omitted', async () => {
    const result = await call(client, 'issue_write', {
      method: 'create',
      ...REPO,
      title: 'Hello',
      labels: ['bug', 'brand new'],
    });
    expect(result.isError).toBe(false);
    const n = Number(/\/issues\/(\d+)"\}$/.exec(result.text)?.[1]);
    const created = issue(n);
    expect(result.text).toBe(`{"id":"${created.id}","url":"https://github.com/acme/web/issues/${n}"}`);
    expect(created.body).toBe('');
    expect(created.user).toBe('octocat');
    expect(created.labels).toEqual(['brand new', 'bug']);
    expect(sim.store.repo('acme', 'web')?.findLabel('brand new')?.color).toBe('ededed');
  });

  it('create validation: title, method, duplicate rules, assignees (422)', async () => {
    expect(await call(client, 'issue_write', { method: 'create', ...REPO })).toEqual({
      isError: true,
      text: 'missing required parameter: title',
    });
    expect((await call(client, 'issue_write', { method: 'upsert', ...REPO, title: 'x' })).text).toBe(
      "invalid method, must be either 'create' or 'update'",
    );
    expect(
      (await call(client, 'issue_write', { method: 'update', ...REPO, issue_number: 1, duplicate_of: 2 }))
        .text,
    ).toBe("duplicate_of can only be used when state_reason is 'duplicate'");
    expect(
      (
        await call(client, 'issue_write', {
          method: 'update',
          ...REPO,
          issue_number: 1,
          state: 'closed',
          state_reason: 'duplicate',
        })
      ).text,
    ).toBe("duplicate_of must be provided when state_reason is 'duplicate'");
    expect((await call(client, 'issue_write', { method: 'update', ...REPO })).text).toBe(
      'missing required parameter: issue_number',
    );
    expect(
      (await call(client, 'issue_write', { method: 'update', ...REPO, issue_number: 1, type: '' })).text,
    ).toBe('parameter type must not be empty');
    expect(
      await call(client, 'issue_write', {
        method: 'create',
        ...REPO,
        title: 'x',
        assignees: ['nobody-here'],
      }),
    ).toEqual({
      isError: true,
      text: 'failed to create issue: Validation Failed\nIssue.assignees (invalid)',
    });
    expect(
      await call(client, 'issue_write', { method: 'create', owner: 'acme', repo: 'nope', title: 'x' }),
    ).toEqual({
      isError: true,
      text: 'failed to create issue: POST https://api.github.com/repos/acme/nope/issues: 404 Not Found []',
    });
  });

  it('update replaces labels/assignees when given ([] clears), ignores empty title/body, keeps updated_at when nothing changes', async () => {
    const n = await create({ body: 'original', labels: ['bug'], assignees: ['mona'] });
    const before = issue(n).updated_at;
    const noop = await callJson<{ id: string; url: string }>(client, 'issue_write', {
      method: 'update',
      ...REPO,
      issue_number: n,
      body: '',
    });
    expect(noop).toEqual({ id: String(issue(n).id), url: `https://github.com/acme/web/issues/${n}` });
    expect(issue(n).body).toBe('original');
    expect(issue(n).updated_at).toBe(before);
    await callJson(client, 'issue_write', {
      method: 'update',
      ...REPO,
      issue_number: n,
      title: 'Renamed',
      labels: [],
      assignees: ['hubot'],
    });
    expect(issue(n)).toMatchObject({ title: 'Renamed', labels: [], assignees: ['hubot'], body: 'original' });
    expect(issue(n).updated_at > before).toBe(true);
  });

  it('update closes with a reason (default completed) and reopens with state_reason reopened', async () => {
    const n = await create();
    await callJson(client, 'issue_write', { method: 'update', ...REPO, issue_number: n, state: 'closed' });
    expect(issue(n)).toMatchObject({ state: 'closed', state_reason: 'completed', closed_by: 'octocat' });
    expect(issue(n).closed_at).not.toBeNull();
    await callJson(client, 'issue_write', {
      method: 'update',
      ...REPO,
      issue_number: n,
      state: 'open',
      state_reason: 'not_planned',
    });
    expect(issue(n)).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      closed_at: null,
      closed_by: null,
    });
    await callJson(client, 'issue_write', {
      method: 'update',
      ...REPO,
      issue_number: n,
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(issue(n).state_reason).toBe('not_planned');
    const dup = await create();
    await callJson(client, 'issue_write', {
      method: 'update',
      ...REPO,
      issue_number: dup,
      state: 'closed',
      state_reason: 'duplicate',
      duplicate_of: n,
    });
    expect(issue(dup).state_reason).toBe('duplicate');
  });

  it('update reports the REST error first and the GraphQL error of the state change after the PATCH', async () => {
    expect(
      await call(client, 'issue_write', { method: 'update', ...REPO, issue_number: 9999, title: 'x' }),
    ).toEqual({
      isError: true,
      text: 'failed to update issue: PATCH https://api.github.com/repos/acme/web/issues/9999: 404 Not Found []',
    });
    const pr = [...(sim.store.repo('acme', 'web')?.items.values() ?? [])].find((i) => i.pull !== null);
    const result = await call(client, 'issue_write', {
      method: 'update',
      ...REPO,
      issue_number: pr?.number,
      title: 'PR renamed',
      state: 'closed',
    });
    expect(result).toEqual({
      isError: true,
      text: `Failed to find issues: failed to get issue ID: Could not resolve to an Issue with the number of ${pr?.number}.`,
    });
    expect(issue(pr?.number ?? 0).title).toBe('PR renamed');
  });
});
