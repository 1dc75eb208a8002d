import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_WEBHOOK_SECRET } from '../../libs/webhooks/test/support/deliveries.js';
import { WEBHOOK_ENV, eventRow, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;
const REPO = { owner: 'acme', name: 'web', issues: 30, comments: 60, pullRequests: 3 };

interface LocalIssue {
  id: string;
  title: string;
  description: string;
  state: string;
  labels: string[];
  deleted_at: Date | null;
  github_updated_at: Date;
}

/**
 * The simulator as GitHub: its admin endpoints (and MCP writes) change data, it delivers signed webhooks
 * to the API, and the worker applies them — no sync job involved.
 */
describe('webhooks end to end (simulator → API → worker → workspace)', () => {
  let system: TestSystem;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let api: ReturnType<typeof http>;
  let sim: string;
  const base = '/workspaces/acme/integrations/github-mcp/webhook-events';

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO], env: WEBHOOK_ENV });
    seeded = await seedWorkspace(system, ['acme/web']);
    api = http(system.apiUrl, seeded.adminToken);
    sim = system.sim.url;
    const hook = await post(`${sim}/_admin/webhooks`, {
      url: `${system.apiUrl}/webhooks/github-mcp/`,
      secret: TEST_WEBHOOK_SECRET,
    });
    expect(hook.status).toBe(201);
  });

  afterAll(async () => {
    await system?.close();
  });

  async function post(url: string, body: unknown, method = 'POST') {
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as Json };
  }

  async function local(number: number): Promise<LocalIssue | undefined> {
    const { rows } = await system.db.query<LocalIssue>(
      `SELECT i.id, i.title, i.description, i.state, i.deleted_at, s.github_updated_at,
              COALESCE((SELECT array_agg(l.name ORDER BY l.name) FROM issue_labels il JOIN labels l ON l.id = il.label_id
                        WHERE il.issue_id = i.id), '{}') AS labels
       FROM issues i JOIN github_issue_syncs s ON s.issue_id = i.id WHERE s.github_number = $1`,
      [number],
    );
    return rows[0];
  }

  async function syncJobs(): Promise<number> {
    const { rows } = await system.db.query<{ n: string }>('SELECT count(*) AS n FROM github_sync_jobs');
    return Number(rows[0]?.n);
  }

  it('answers the hook ping', async () => {
    const pings = await waitFor('the ping delivery', async () => {
      const { rows } = await system.db.query<{ delivery_id: string }>(
        `SELECT delivery_id FROM github_webhook_events WHERE event_type = 'ping'`,
      );
      return rows[0];
    });
    expect((await settled(system, pings.delivery_id)).status).toBe('processed');
  });

  it('an issue opened and edited on GitHub shows up in the workspace without any sync job', async () => {
    const created = await post(`${sim}/_admin/repos/acme/web/issues`, {
      title: 'Webhook <b>bold</b> & "quoted"',
      body: 'line one\r\nline two',
      labels: ['bug'],
    });
    expect(created.status).toBe(201);
    const number = Number(created.body.number);
    const opened = await waitFor('the opened issue', async () => (await local(number)) ?? undefined);
    expect(opened).toMatchObject({
      title: 'Webhook <b>bold</b> & "quoted"',
      description: 'line one\nline two',
      state: 'unstarted',
      labels: ['bug'],
    });
    await post(`${sim}/_admin/repos/acme/web/issues/${number}`, { title: 'Edited on GitHub' }, 'PATCH');
    await waitFor('the edit', async () =>
      (await local(number))?.title === 'Edited on GitHub' ? true : undefined,
    );
    await post(
      `${sim}/_admin/repos/acme/web/issues/${number}`,
      { state: 'closed', state_reason: 'not_planned' },
      'PATCH',
    );
    await waitFor('the close', async () => ((await local(number))?.state === 'cancelled' ? true : undefined));
    expect(await syncJobs()).toBe(0);
  });

  it('comments created, edited and deleted on GitHub follow', async () => {
    const created = await post(`${sim}/_admin/repos/acme/web/issues`, { title: 'Discussed' });
    const number = Number(created.body.number);
    const comment = await post(`${sim}/_admin/repos/acme/web/issues/${number}/comments`, { body: 'first!' });
    const commentId = Number(comment.body.id);
    const bodies = async () => {
      const { rows } = await system.db.query<{ body: string; deleted_at: Date | null }>(
        `SELECT c.body, c.deleted_at FROM issue_comments c JOIN github_comment_syncs s ON s.comment_id = c.id
         WHERE s.github_id = $1`,
        [commentId],
      );
      return rows[0];
    };
    await waitFor('the comment', async () => ((await bodies())?.body === 'first!' ? true : undefined));
    await post(`${sim}/_admin/repos/acme/web/issues/comments/${commentId}`, { body: 'second' }, 'PATCH');
    await waitFor('the comment edit', async () => ((await bodies())?.body === 'second' ? true : undefined));
    await fetch(`${sim}/_admin/repos/acme/web/issues/comments/${commentId}`, { method: 'DELETE' });
    await waitFor('the comment deletion', async () => ((await bodies())?.deleted_at ? true : undefined));
    expect(await syncJobs()).toBe(0);
  });

  it('a redelivery from GitHub is a duplicate and is not processed again', async () => {
    const created = await post(`${sim}/_admin/repos/acme/web/issues`, { title: 'Redelivered' });
    await system.sim.webhooks.idle();
    const delivery = system.sim.webhooks
      .deliveries()
      .find((d) => d.event === 'issues' && d.request.body.includes('"Redelivered"'));
    expect(delivery?.statusCode).toBe(202);
    const row = await settled(system, String(delivery?.guid));
    const again = await post(`${sim}/_admin/webhooks/deliveries/${delivery?.id}/redeliver`, {});
    expect(again.status).toBe(202);
    await system.sim.webhooks.idle();
    const redelivery = system.sim.webhooks.deliveries().at(-1);
    expect(redelivery).toMatchObject({ guid: delivery?.guid, redelivery: true, statusCode: 200 });
    expect(JSON.parse(redelivery?.response?.body ?? '{}')).toEqual({
      status: 'duplicate',
      delivery_id: delivery?.guid,
    });
    expect(await eventRow(system.db, String(delivery?.guid))).toMatchObject({
      status: row.status,
      retry_count: 0,
    });
    expect(created.status).toBe(201);
  });

  it('lists the workspace events (members) and replays one (admins only)', async () => {
    const member = http(system.apiUrl, seeded.memberToken);
    const list = await member.get(`${base}/?event=issues&per_page=5`);
    expect(list.status).toBe(200);
    const results = list.body.results as Json[];
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.event === 'issues')).toBe(true);
    expect(Number(list.body.total)).toBeGreaterThanOrEqual(results.length);
    const deliveryId = String(results[0]?.delivery_id);
    expect(JSON.stringify(list.body)).not.toContain(TEST_WEBHOOK_SECRET);

    expect((await member.post(`${base}/${deliveryId}/replay/`, {})).status).toBe(403);
    const replay = await api.post(`${base}/${deliveryId}/replay/`, {});
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ delivery_id: deliveryId });
    expect(['received', 'queued', 'processing', 'processed']).toContain(replay.body.status);
    const done = await settled(system, deliveryId);
    expect(done.status).toBe('processed');
    const detail = await api.get(`${base}/${deliveryId}/`);
    expect(detail.body).toMatchObject({ delivery_id: deliveryId, status: 'processed' });
    expect(detail.body.payload).toMatchObject({ repository: { full_name: 'acme/web' } });
    const filtered = await api.get(`${base}/?status=processed&event=ping`);
    expect((filtered.body.results as Json[]).every((r) => r.status === 'processed')).toBe(true);
    expect((await api.get(`${base}/?status=nope`)).status).toBe(400);
  });

  it('bidirectional: our own write comes back as a webhook and changes nothing; a later GitHub edit applies', async () => {
    await system.db.query(`UPDATE github_repository_syncs SET direction = 'bidirectional'`);
    const created = await post(`${sim}/_admin/repos/acme/web/issues`, { title: 'Loop', body: 'b0' });
    const number = Number(created.body.number);
    const opened = await waitFor('the issue', async () => (await local(number)) ?? undefined);
    const issuePath = `/workspaces/acme/projects/${seeded.projectId}/issues/${opened.id}/`;
    const patch = await fetch(`${system.apiUrl}${issuePath}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${seeded.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Local title' }),
    });
    expect(patch.status).toBe(200);
    const onGitHub = () => system.sim.store.repo('acme', 'web')?.items.get(number);
    await waitFor('the push to GitHub', async () => (onGitHub()?.title === 'Local title' ? true : undefined));
    const echo = await waitFor('the echo webhook', async () => {
      await system.sim.webhooks.idle();
      const delivery = system.sim.webhooks
        .deliveries()
        .find((d) => d.event === 'issues' && d.request.body.includes('"title":"Local title"'));
      return delivery ? await settled(system, delivery.guid) : undefined;
    });
    expect(echo.status).toBe('processed');
    expect((await local(number))?.title).toBe('Local title');
    await post(`${sim}/_admin/repos/acme/web/issues/${number}`, { body: 'GitHub body' }, 'PATCH');
    await waitFor('the GitHub edit', async () =>
      (await local(number))?.description === 'GitHub body' ? true : undefined,
    );
    expect((await local(number))?.title).toBe('Local title');
  });
});
