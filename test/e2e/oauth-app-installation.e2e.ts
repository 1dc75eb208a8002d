import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecretCipher, accessTokenBinding } from '#libs/secrets';
import { call } from './access-helpers.js';
import { type TestSystem, startSystem, waitFor } from './support/system.js';

const APP_ID = '777001';
const INSTALLATION = 91_001;

describe('connecting a GitHub App installation (@octokit/app, real RSA key, simulator)', () => {
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  let system: TestSystem;
  let adminToken: string;
  let projectId: string;
  let userToken: string;
  const base = '/workspaces/acme/integrations/github-mcp';

  const admin = (path: string, init: Omit<Parameters<typeof call>[1] & object, 'token'> = {}) =>
    call(`${system.apiUrl}${base}${path}`, { ...init, token: adminToken });

  beforeAll(async () => {
    system = await startSystem({
      repos: [
        { owner: 'acme', name: 'web', issues: 25, comments: 10, private: true },
        { owner: 'globex', name: 'site', issues: 2, comments: 0 },
      ],
      env: (sim) => ({
        GITHUB_APP_ID: APP_ID,
        // PEM with escaped newlines, as it arrives from a one-line environment variable
        GITHUB_APP_PRIVATE_KEY: keys.privateKey.replace(/\n/g, '\\n'),
        GITHUB_API_BASE_URL: sim.url,
      }),
    });
    system.sim.oauth.registerApp(APP_ID, keys.publicKey);
    system.sim.oauth.addInstallation(APP_ID, { id: INSTALLATION, account: 'acme' });
    system.sim.oauth.addInstallation(APP_ID, { id: INSTALLATION + 1, account: 'globex', suspended: true });
    // The admins' GitHub user (linking checks GET /user/installations with their user token).
    system.sim.oauth.addMember('acme', 'wile');
    system.sim.oauth.addMember('globex', 'wile');
    userToken = system.sim.oauth.issueUserToken('wile', ['repo']);
    for (const slug of ['acme', 'rival']) {
      await system.admin.createWorkspace(slug, slug);
      await system.admin.addUser({ workspace: slug, email: `admin@${slug}.test`, name: 'A', role: 'admin' });
    }
    adminToken = (await system.admin.createToken({ workspace: 'acme', email: 'admin@acme.test', name: 't' }))
      .token;
    projectId = (await system.admin.createProject({ workspace: 'acme', name: 'Web', identifier: 'WEB' }))
      .project_id;
  });

  afterAll(async () => {
    await system?.close();
  });

  it('refuses installations the admin cannot see, GitHub will not mint for, and ones the installation webhook marked uninstalled', async () => {
    const unknown = await admin('/credentials/installation/', {
      method: 'PUT',
      body: { installation_id: 5, user_token: userToken },
    });
    expect(unknown.status).toBe(403);
    expect(unknown.json).toMatchObject({ error: { message: expect.stringMatching(/installation 5/) } });
    const suspended = await admin('/credentials/installation/', {
      method: 'PUT',
      body: { installation_id: INSTALLATION + 1, user_token: userToken },
    });
    expect(suspended.status).toBe(400);
    await system.db.query(
      `INSERT INTO github_installations (id, installation_id, account_login, account_type, deleted_at, updated_at)
       VALUES (gen_random_uuid(), 424242, 'initech', 'Organization', now(), now())`,
    );
    const deleted = await admin('/credentials/installation/', {
      method: 'PUT',
      body: { installation_id: 424242, user_token: userToken },
    });
    expect(deleted.status).toBe(400);
    expect(deleted.json).toMatchObject({ error: { message: expect.stringMatching(/uninstalled/) } });
    expect((await system.db.query('SELECT 1 FROM workspace_integrations')).rowCount).toBe(0);
  });

  it('links the workspace to an installation, taking the account from github_installations', async () => {
    await system.db.query(
      `INSERT INTO github_installations (id, installation_id, account_login, account_type, updated_at)
       VALUES (gen_random_uuid(), $1, 'acme', 'Organization', now())`,
      [INSTALLATION],
    );
    const minted = system.sim.oauth.minted.length;
    const linked = await admin('/credentials/installation/', {
      method: 'PUT',
      body: { installation_id: String(INSTALLATION), user_token: userToken },
    });
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({
      integration: {
        auth_kind: 'app',
        installation_id: String(INSTALLATION),
        github_login: 'acme',
        status: 'connected',
      },
    });
    expect(system.sim.oauth.minted.length).toBe(minted + 1);
    const { rows } = await system.db.query<{ id: string; token: string; expires: Date }>(
      'SELECT id, access_token_encrypted AS token, token_expires_at AS expires FROM workspace_integrations',
    );
    const cipher = new SecretCipher(system.config.secrets.activeKeyId, system.config.secrets.keys);
    expect(cipher.decrypt(rows[0]?.token ?? '', accessTokenBinding(String(rows[0]?.id)))).toBe(
      system.sim.oauth.minted.at(-1)?.token,
    );
    expect(rows[0]?.token).not.toMatch(/ghs_/);

    await system.admin.addUser({ workspace: 'rival', email: 'admin@rival.test', name: 'A', role: 'admin' });
    const rivalToken = (
      await system.admin.createToken({ workspace: 'rival', email: 'admin@rival.test', name: 't' })
    ).token;
    const taken = await call(
      `${system.apiUrl}/workspaces/rival/integrations/github-mcp/credentials/installation/`,
      {
        method: 'PUT',
        token: rivalToken,
        body: { installation_id: INSTALLATION, user_token: userToken },
      },
    );
    expect(taken.status).toBe(409);
  });

  it('lists, connects and syncs repositories with installation tokens as the MCP Bearer, minting rarely', async () => {
    const minted = system.sim.oauth.minted.length;
    const getMeCalls = () => system.sim.stats.snapshot().byTool['get_me'] ?? 0;
    const getMeBefore = getMeCalls();
    const listed = await admin('/repositories/');
    expect(listed.json).toMatchObject({
      owner: 'acme',
      total: 1,
      results: [{ full_name: 'acme/web', private: true }],
    });
    const connected = await admin('/connect/', {
      method: 'POST',
      body: { repository: 'acme/web', project_id: projectId },
    });
    expect(connected.status).toBe(201);
    const jobId = String((connected.json.sync_job as { job_id: string }).job_id);
    const job = await waitFor('sync with an installation token', async () => {
      const { json } = await admin(`/sync-jobs/${jobId}/`);
      return ['completed', 'failed'].includes(String(json.status)) ? json : undefined;
    });
    expect(job).toMatchObject({ status: 'completed' });
    const { rows } = await system.db.query<{ n: string }>('SELECT count(*) AS n FROM issues');
    expect(Number(rows[0]?.n)).toBe(25);
    // API and worker reuse the stored token (one hour of life): no new mint for all those MCP calls.
    expect(system.sim.oauth.minted.length).toBe(minted);
    // get_me answers 403 to installation tokens on GitHub (and here): nothing above asked it.
    expect(getMeCalls()).toBe(getMeBefore);
  });

  it('disconnecting unlinks the installation and deletes the stored token', async () => {
    const answer = await admin('/disconnect/', { method: 'DELETE' });
    expect(answer.status).toBe(200);
    const { rows } = await system.db.query<{
      token: string | null;
      installation: string | null;
      status: string;
    }>(
      'SELECT access_token_encrypted AS token, installation_id AS installation, status FROM workspace_integrations',
    );
    expect(rows[0]).toEqual({ token: null, installation: null, status: 'disconnected' });
    expect((await admin('/repositories/')).status).toBe(400);
  });
});
