import { describe, expect, it } from '@jest/globals';
import type { Answer } from './access-helpers.js';
import { type Seeded, useIntegrationApi } from './integration-api.js';
import type { TestSystem } from './support/system.js';

type Json = Record<string, unknown>;

describe('connect, sync idempotency, configure, audit log and disconnect (admin API)', () => {
  let system: TestSystem;
  let seeded: Seeded;

  const { admin, member, jobDone } = useIntegrationApi((started) => ({ system, seeded } = started));

  it('connects a repository with its settings and starts the first sync; Idempotency-Key replays the answer', async () => {
    const body = {
      repository: 'acme/web',
      project_id: seeded.projectId,
      direction: 'from_github',
      sync_interval_seconds: 600,
      include_comments: true,
      include_pull_requests: false,
      label_filter: ['bug'],
      state_mapping: { open: 'backlog' },
    };
    const headers = { 'idempotency-key': 'connect-web-1' };
    const first = await admin('/connect/', { method: 'POST', body, headers });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      created: true,
      repository: {
        full_name: 'acme/web',
        sync_interval_seconds: 600,
        include_pull_requests: false,
        label_filter: ['bug'],
        state_mapping: { open: 'backlog' },
        enabled: true,
      },
      sync_job: { status: 'queued', created: true },
    });
    const replay = await admin('/connect/', { method: 'POST', body: { ...body }, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.json).toEqual(first.json);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await admin('/connect/', { method: 'POST', body: reordered, headers })).json).toEqual(first.json);
    const changed = await admin('/connect/', {
      method: 'POST',
      body: { ...body, sync_interval_seconds: 900 },
      headers,
    });
    expect(changed.status).toBe(422);
    expect(changed.json).toMatchObject({ error: { code: 'unprocessable_entity' } });
    const { rows } = await system.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM github_sync_jobs WHERE trigger = 'connect'`,
    );
    expect(Number(rows[0]?.n)).toBe(1);
    const job = await jobDone(String((first.json.sync_job as Json).job_id));
    expect(job).toMatchObject({ status: 'completed', trigger: 'connect' });

    const again = await admin('/connect/', {
      method: 'POST',
      body,
      headers: { 'idempotency-key': 'connect-web-2' },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: false });
  });

  it('honours Idempotency-Key on sync: the same key gives the same job, a reused key with another body 422', async () => {
    const headers = { 'idempotency-key': 'sync-1' };
    const first = await admin('/sync/', {
      method: 'POST',
      body: { repository: 'acme/web', force: true },
      headers,
    });
    expect([200, 202]).toContain(first.status);
    const second = await admin('/sync/', {
      method: 'POST',
      body: { repository: 'acme/web', force: true },
      headers,
    });
    expect([second.status, second.json]).toEqual([first.status, first.json]);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await admin('/sync/', { method: 'POST', body: { repository: 'acme/web' }, headers });
    expect(other.status).toBe(422);
    const bad = await admin('/sync/', {
      method: 'POST',
      body: {},
      headers: { 'idempotency-key': 'has space' },
    });
    expect(bad.status).toBe(400);
    await jobDone(String(first.json.job_id));
  });

  it('changes settings with configure', async () => {
    const answer = await admin('/configure/', {
      method: 'PATCH',
      body: {
        repository: 'acme/web',
        sync_interval_seconds: 1200,
        label_filter: [],
        direction: 'bidirectional',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      sync_interval_seconds: 1200,
      label_filter: [],
      direction: 'bidirectional',
    });
    const bad: [Json, number][] = [
      [{ repository: 'acme/web' }, 400],
      [{ repository: 'acme/docs', enabled: false }, 400],
      [{ repository: 'acme/web', sync_interval_seconds: 1e9 }, 400],
    ];
    for (const [body, status] of bad)
      expect((await admin('/configure/', { method: 'PATCH', body })).status).toBe(status);
    expect(
      (await member('/configure/', { method: 'PATCH', body: { repository: 'acme/web', enabled: true } }))
        .status,
    ).toBe(403);
    const listed = await member('/repositories/?owner=acme');
    const web = (listed.json.results as Json[]).find((r) => r.full_name === 'acme/web');
    expect(web).toMatchObject({ connected: true, repository_sync_id: expect.any(String) });
  });

  it('records admin actions with who, what, which integration, when and from where; admins read them', async () => {
    const logs = await admin('/audit-logs/?per_page=100');
    expect(logs.status).toBe(200);
    const entries = logs.json.results as Json[];
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['repository.connect', 'repository.configure']));
    expect(actions.some((a) => String(a).startsWith('POST ') && String(a).endsWith('/sync'))).toBe(true);
    const connect = entries.find(
      (e) =>
        e.action === 'repository.connect' &&
        (e.details as Json).status === 201 &&
        (e.details as Json).repository === 'acme/web',
    );
    expect(entries.some((e) => (e.details as Json).idempotent_replay === true)).toBe(true);
    expect(connect).toMatchObject({
      actor_email: 'admin@acme.test',
      actor_token_id: expect.any(String),
      integration_id: expect.any(String),
      target_type: 'repository_sync',
      user_agent: 'e2e-admin/1.0',
      details: { outcome: 'success', repository: 'acme/web', via: 'api' },
    });
    expect(String(connect?.ip_address)).toMatch(/127\.0\.0\.1/);
    expect(
      entries.some((e) => e.action === 'repository.connect' && (e.details as Json).outcome === 'failure'),
    ).toBe(true);
    const page = await admin('/audit-logs/?per_page=1&page=2');
    expect(page.json).toMatchObject({ page: 2, per_page: 1, total: logs.json.total });
    expect((page.json.results as Json[])[0]).toEqual(entries[1]);
    expect((await member('/audit-logs/')).status).toBe(403);
    expect(JSON.stringify(entries)).not.toMatch(/gms_[\w-]{20,}|gh[pous]_\w{20,}/); // token prefixes only
  });

  it('disconnects: schedules stop, stored tokens are deleted, history stays', async () => {
    const before = await system.db.query<{ issues: string; jobs: string }>(
      `SELECT (SELECT count(*) FROM issues) AS issues, (SELECT count(*) FROM github_sync_jobs) AS jobs`,
    );
    expect((await member('/disconnect/', { method: 'DELETE' })).status).toBe(403);
    const answer: Answer = await admin('/disconnect/', { method: 'DELETE' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      integration: { status: 'disconnected' },
      repositories_disabled: 1,
      token_revoked: false,
    });
    const { rows } = await system.db.query<{ token: string | null; status: string; enabled: boolean[] }>(
      `SELECT i.access_token_encrypted AS token, i.status,
              array(SELECT enabled FROM github_repository_syncs s WHERE s.workspace_integration_id = i.id) AS enabled
       FROM workspace_integrations i`,
    );
    expect(rows[0]).toMatchObject({ token: null, status: 'disconnected' });
    expect(rows[0]?.enabled.every((e) => !e)).toBe(true);
    const after = await system.db.query<{ issues: string; jobs: string }>(
      `SELECT (SELECT count(*) FROM issues) AS issues, (SELECT count(*) FROM github_sync_jobs) AS jobs`,
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
    expect(Number(after.rows[0]?.issues)).toBeGreaterThan(0);
    const sync = await admin('/sync/', { method: 'POST', body: {} });
    expect(sync.status).toBe(400);
    expect((await member('/repositories/')).status).toBe(400);
    const status = await member('/status/');
    expect(status.json).toMatchObject({ integration: { status: 'disconnected' } });
    expect(
      (await admin('/configure/', { method: 'PATCH', body: { repository: 'acme/web', enabled: true } }))
        .status,
    ).toBe(400);
    const audit = await admin('/audit-logs/?action=integration.disconnect');
    expect(audit.json).toMatchObject({ total: 1, results: [{ details: { repositories_disabled: 1 } }] });
  });
});
