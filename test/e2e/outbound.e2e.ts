import { describe, expect, it } from '@jest/globals';
import type { IssuePatch } from '../../apps/github-sim/src/index.js';
import { type Rest, detail, simIssue, syncNow, synced, useOutboundSystem } from './outbound-helpers.js';
import { type TestSystem, waitFor } from './support/system.js';

describe('to_github / bidirectional: workspace edits written to GitHub (simulator over HTTP)', () => {
  let system: TestSystem;
  let api: Rest;
  let projectId: string;
  let issuesPath: string;
  let createdId: string;
  let number: number;

  useOutboundSystem((started) => ({ system, api, projectId, issuesPath } = started));

  const gitHubTitles = (title: string) =>
    [...(system.sim.store.repo('acme', 'web')?.items.values() ?? [])].filter((i) => i.title === title);

  it('creates a local issue on GitHub once and links it from the {id,url} answer; the echo changes nothing', async () => {
    const title = 'Parse Vec<T> & "quoted" names';
    const description = "Use `Vec<T>` here & don't strip <T>\nsecond line";
    const created = await api.post(`${issuesPath}/`, {
      title,
      description,
      labels: ['outbound', 'bug'],
      assignees: ['mona'],
    });
    expect(created.status).toBe(201);
    expect(created.body.github_sync).toMatchObject({ queued: true });
    createdId = String(created.body.id);
    const issue = await synced(api, projectId, createdId);
    number = issue.github!.number;
    expect(issue.github!.url).toBe(`https://github.com/acme/web/issues/${number}`);
    const gh = simIssue(system, number);
    expect(gh).toMatchObject({
      title,
      body: description,
      user: 'octocat',
      state: 'open',
      assignees: ['mona'],
    });
    expect(gh.labels).toEqual(['bug', 'outbound']);
    expect(gitHubTitles(title)).toHaveLength(1);
    const { rows } = await system.db.query<{ github_id: string }>(
      'SELECT github_id::text FROM github_issue_syncs WHERE issue_id = $1',
      [createdId],
    );
    expect(rows[0]?.github_id).toBe(String(gh.id));
    const opened = system.sim.store.recentEvents().filter((e) => e.issue?.number === number);
    expect(opened.map((e) => [e.type, e.sender.login])).toEqual([['issue.opened', 'octocat']]);

    // The MCP server shows `Use \`Vec\` here …` (tags stripped, text escaped); the next page must not bring that back.
    const { rows: before } = await system.db.query<{ n: string }>('SELECT count(*) AS n FROM issues');
    expect((await syncNow(api)).status).toBe('completed');
    const after = await detail(api, projectId, createdId);
    expect(after).toMatchObject({ title, description, state: 'unstarted' });
    const { rows: now } = await system.db.query<{ n: string }>('SELECT count(*) AS n FROM issues');
    expect(now[0]?.n).toBe(before[0]?.n);
    expect(simIssue(system, number).body).toBe(description);
  });

  it('updates, closes as completed / not planned and reopens, writing only what changed', async () => {
    const since = system.sim.store.recentEvents().at(-1)?.seq ?? 0;
    const patched = await api.patch(`${issuesPath}/${createdId}/`, {
      title: 'Renamed Vec<T>',
      state: 'done',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ changed: ['title', 'state'], github_sync: { queued: true } });
    await synced(api, projectId, createdId);
    expect(simIssue(system, number)).toMatchObject({
      title: 'Renamed Vec<T>',
      state: 'closed',
      state_reason: 'completed',
    });
    const events = system.sim.store.recentEvents().filter((e) => e.seq > since && e.issue?.number === number);
    expect(events.map((e) => e.type)).toEqual(['issue.edited', 'issue.closed']);
    expect(simIssue(system, number).body).toContain('<T>'); // the body was not written back

    await api.patch(`${issuesPath}/${createdId}/`, { state: 'cancelled' });
    await synced(api, projectId, createdId);
    expect(simIssue(system, number)).toMatchObject({ state: 'closed', state_reason: 'not_planned' });

    await api.patch(`${issuesPath}/${createdId}/`, { state: 'started', labels: ['bug'] });
    await synced(api, projectId, createdId);
    expect(simIssue(system, number)).toMatchObject({ state: 'open', labels: ['bug'] });
    expect((await syncNow(api)).status).toBe('completed');
    expect(await detail(api, projectId, createdId)).toMatchObject({ state: 'started', labels: ['bug'] });
  });

  it('writes new comments once with add_issue_comment; a comment already on GitHub keeps its GitHub text', async () => {
    const body = 'Looks good & <b>done</b>';
    const posted = await api.post(`${issuesPath}/${createdId}/comments/`, { body });
    expect(posted.status).toBe(201);
    await synced(api, projectId, createdId);
    const onGitHub = system.sim.store.repo('acme', 'web')!.commentsOf(number);
    expect(onGitHub.map((c) => [c.body, c.user])).toEqual([[body, 'octocat']]);
    const local = (await detail(api, projectId, createdId)).comments;
    expect(local).toEqual([expect.objectContaining({ body, github_comment_id: String(onGitHub[0]!.id) })]);

    expect((await syncNow(api)).status).toBe('completed');
    const again = await detail(api, projectId, createdId);
    expect(again.comments.map((c) => c.body)).toEqual([body]);

    const edited = await api.patch(`${issuesPath}/${createdId}/comments/${local[0]!.id}/`, {
      body: 'edited',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.github_sync).toMatchObject({ queued: true });
    expect(edited.body).toMatchObject({ body: 'edited', github_comment_id: String(onGitHub[0]!.id) });
    // The snapshot server has no update_issue_comment: the edit stays local and the issue says why.
    const why = await waitFor('the comment edit warning', async () => {
      const { github_outbound: o } = await detail(api, projectId, createdId);
      return o.warnings.find((w) => w['kind'] === 'comment_edit_not_writable');
    });
    expect(String(why['message'])).toContain('does not offer update_issue_comment');
    expect((await detail(api, projectId, createdId)).github_outbound).toMatchObject({
      pending_comment_edits: 1,
    });
    expect(system.sim.store.repo('acme', 'web')!.commentsOf(number)[0]?.body).toBe(body);

    // The same body again changes nothing and owes nothing: no job, and no claim that the edit stays local.
    const unchanged = await api.patch(`${issuesPath}/${createdId}/comments/${local[0]!.id}/`, {
      body: 'edited',
    });
    expect(unchanged.status).toBe(200);
    expect(unchanged.body.github_sync).toEqual({ queued: false, job_id: null });
  });

  it('a partial write (PATCH applied, close failed) is completed by the retry without repeating the PATCH', async () => {
    const { store } = system.sim;
    const patches: IssuePatch[] = [];
    const original = store.updateIssue.bind(store);
    store.updateIssue = (state, n, patch, actor) => {
      if (n === number) patches.push(patch);
      return original(state, n, patch, actor);
    };
    try {
      system.sim.faults.add({
        tool: 'issue_write',
        mode: 'error',
        api: 'graphql',
        count: 1,
        message: 'state change refused for now',
      });
      await api.patch(`${issuesPath}/${createdId}/`, { title: 'Partially written', state: 'done' });
      await synced(api, projectId, createdId);
    } finally {
      store.updateIssue = original;
      system.sim.faults.clear();
    }
    expect(simIssue(system, number)).toMatchObject({ title: 'Partially written', state: 'closed' });
    expect(patches.filter((p) => p.title !== undefined)).toEqual([{ title: 'Partially written' }]);
    expect(patches.filter((p) => p.state === 'closed')).toHaveLength(1);
    expect(patches.length).toBe(3); // PATCH {title} | (retry) PATCH {} + close
  });

  it('never creates a GitHub issue twice when the answer of the create is lost', async () => {
    system.sim.faults.add({ tool: 'issue_write', mode: 'latency', latencyMs: 4000, count: 1 });
    const created = await api.post(`${issuesPath}/`, { title: 'Answer lost', description: 'created once' });
    expect(created.status).toBe(201);
    const issue = await synced(api, projectId, String(created.body.id), 90_000);
    system.sim.faults.clear();
    const onGitHub = gitHubTitles('Answer lost');
    expect(onGitHub).toHaveLength(1);
    expect(issue.github!.number).toBe(onGitHub[0]!.number);
  });

  it('never posts a comment twice when the answer of add_issue_comment is lost', async () => {
    system.sim.faults.add({ tool: 'add_issue_comment', mode: 'latency', latencyMs: 4000, count: 1 });
    const posted = await api.post(`${issuesPath}/${createdId}/comments/`, { body: 'posted once' });
    expect(posted.status).toBe(201);
    const issue = await synced(api, projectId, createdId, 90_000);
    system.sim.faults.clear();
    const onGitHub = system.sim.store
      .repo('acme', 'web')!
      .commentsOf(number)
      .filter((c) => c.body === 'posted once');
    expect(onGitHub).toHaveLength(1);
    expect(issue.comments.find((c) => c.body === 'posted once')?.github_comment_id).toBe(
      String(onGitHub[0]!.id),
    );
  });
});
