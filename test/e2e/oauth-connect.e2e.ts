import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { type SecretCipher, accessTokenBinding } from '#libs/secrets';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { call } from './access-helpers.js';
import { WEBHOOK_SECRET, useOAuthSystem } from './oauth-helpers.js';
import { type TestSystem, waitFor } from './support/system.js';

const PG_DUMP = '/usr/lib/postgresql/15/bin/pg_dump';

describe('connecting GitHub with OAuth (passport-github2 against the simulator) or a personal token', () => {
  let system: TestSystem;
  let adminToken: string;
  let memberToken: string;
  let base: string;
  let cipher: SecretCipher;
  const oauthTokens: string[] = [];

  const { output, responses, api, adminBrowser, authorize, consent, callback, integrations } = useOAuthSystem(
    (started) => ({ system, adminToken, memberToken, base, cipher } = started),
  );

  it('exchanges the code, stores the token encrypted with the scopes and login, and sends the browser to the console', async () => {
    const browser = await adminBrowser();
    const back = await consent(await authorize(browser));
    expect(back.origin + back.pathname).toBe(`${system.apiUrl}/auth/github/callback`);
    const connected = await callback(browser, back);
    expect(Object.fromEntries(connected)).toEqual({ oauth: 'connected', login: 'octocat' });
    expect(browser.cookie('ghsync_oauth')).toBeUndefined();
    const [row] = await integrations();
    expect(row?.auth_kind).toBe('oauth');
    expect(row?.token).toMatch(/^v2:k1:/);
    const token = cipher.decrypt(String(row?.token), accessTokenBinding(String(row?.id)));
    oauthTokens.push(token);
    expect(token).toMatch(/^gho_/);
    expect(system.sim.store.userForToken(token)?.login).toBe('octocat');
    const status = await call(`${system.apiUrl}${base}/status/`, { token: memberToken });
    expect(JSON.stringify(status.json)).toContain('octocat');

    expect((await callback(browser, back)).get('oauth_error')).toBe('state_invalid');
    expect((await integrations())[0]?.token).toBe(row?.token);

    const { rows } = await system.db.query<{
      actor: string;
      ip: string;
      ua: string;
      details: Record<string, unknown>;
    }>(
      `SELECT u.email AS actor, a.ip_address AS ip, a.user_agent AS ua, a.details
       FROM audit_logs a LEFT JOIN users u ON u.id = a.actor_user_id WHERE a.action = 'integration.oauth_connected'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: 'admin@acme.test',
      details: { via: 'oauth_callback', github_login: 'octocat' },
    });
    expect(rows[0]?.ip).toMatch(/127\.0\.0\.1/);
    expect(rows[0]?.ua).toBeTruthy();
  });

  it('uses the OAuth token for MCP: lists the repositories the identity reaches and syncs one', async () => {
    const listed = await api(`${base}/repositories/`, { token: memberToken });
    expect(listed.status).toBe(200);
    expect(listed.json).toMatchObject({
      owner: 'octocat',
      total: 1,
      results: [{ full_name: 'octocat/hello', connected: false }],
    });
    const { rows } = await system.db.query<{ id: string }>('SELECT id FROM projects');
    const connected = await api(`${base}/connect/`, {
      method: 'POST',
      token: adminToken,
      body: { repository: 'octocat/hello', project_id: rows[0]?.id },
    });
    expect(connected.status).toBe(201);
    const jobId = String((connected.json.sync_job as { job_id: string }).job_id);
    const done = await waitFor('first sync', async () => {
      const job = await api(`${base}/sync-jobs/${jobId}/`, { token: memberToken });
      return ['completed', 'failed'].includes(String(job.json.status)) ? job.json : undefined;
    });
    expect(done).toMatchObject({ status: 'completed', trigger: 'connect' });
  });

  it('connects a personal access token instead (same encryption) and revokes the replaced OAuth token', async () => {
    const bad = await api(`${base}/credentials/token/`, {
      method: 'PUT',
      token: adminToken,
      body: { token: 'ghp_unknown000000000000000000000000000' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ error: { field: 'token' } });
    expect(bad.text).not.toContain('ghp_unknown000000000000000000000000000');
    expect(
      (await api(`${base}/credentials/token/`, { method: 'PUT', token: memberToken, body: {} })).status,
    ).toBe(403);

    const pat = await api(`${base}/credentials/token/`, {
      method: 'PUT',
      token: adminToken,
      body: { token: DEFAULT_SIM_TOKEN },
    });
    expect(pat.status).toBe(200);
    expect(pat.json).toMatchObject({ integration: { auth_kind: 'token', github_login: 'octocat' } });
    const [row] = await integrations();
    expect(cipher.decrypt(String(row?.token), accessTokenBinding(String(row?.id)))).toBe(DEFAULT_SIM_TOKEN);
    expect(system.sim.store.userForToken(oauthTokens[0] ?? '')).toBeUndefined();
    const sync = await api(`${base}/sync/`, { method: 'POST', token: adminToken, body: { force: true } });
    expect(sync.status).toBe(202);
    await waitFor('sync with the personal token', async () => {
      const job = await api(`${base}/sync-jobs/${String(sync.json.job_id)}/`, { token: adminToken });
      return job.json.status === 'completed' ? true : undefined;
    });
  });

  it('never lets a token or secret reach the logs, API responses, job payloads or the database in plaintext', async () => {
    const secrets = [
      ...oauthTokens,
      DEFAULT_SIM_TOKEN,
      adminToken,
      memberToken,
      DEFAULT_OAUTH_CLIENT.clientSecret,
      WEBHOOK_SECRET,
      Buffer.from(system.config.secrets.keys.get('k1') ?? '').toString('base64'),
    ];
    expect(secrets.every((s) => s.length >= 16)).toBe(true);
    const { stdout: dump } = await promisify(execFile)(PG_DUMP, ['--data-only', system.config.databaseUrl], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(dump).toContain('oauth_connected'); // the dump holds this scenario's data
    const redis = new Redis(system.config.redisUrl);
    const jobs: string[] = [];
    for (const key of await redis.keys(`*${system.config.queue.prefix}*`)) {
      if ((await redis.type(key)) === 'hash') jobs.push(JSON.stringify(await redis.hgetall(key)));
    }
    redis.disconnect();
    expect(jobs.join('\n')).toContain('syncJobId');
    const logs = output.text();
    expect(logs.length).toBeGreaterThan(1000); // debug logs of API and worker were captured
    const haystacks = { logs, responses: responses.join('\n'), database: dump, jobs: jobs.join('\n') };
    const leaks = Object.entries(haystacks).flatMap(([where, text]) =>
      secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret.slice(0, 6)}…`),
    );
    expect(leaks).toEqual([]);
  });
});
