import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecretCipher, accessTokenBinding } from '#libs/secrets';
import { call } from './access-helpers.js';
import { type TestSystem, startSystem } from './support/system.js';

const APP_ID = '777002';
const ACME = 92_001; // on the acme organization: alice and carol are members
const GLOBEX = 92_002; // on the globex organization: alice, bob and carol are members

/**
 * Issue 17: linking an installation needs proof that the admin's GitHub user can see it
 * (`GET /user/installations` with a user token), and one installation belongs to one workspace.
 */
describe('linking a GitHub App installation needs the admin’s GitHub user to see it', () => {
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  let system: TestSystem;
  const tokens: Record<string, string> = {};
  const workspaces: Record<string, string> = {};

  const link = (slug: string, body: Record<string, unknown>) =>
    call(`${system.apiUrl}/workspaces/${slug}/integrations/github-mcp/credentials/installation/`, {
      method: 'PUT',
      token: tokens[slug] ?? '',
      body,
    });
  const rows = async () =>
    (
      await system.db.query<{ slug: string; kind: string; installation: string | null }>(
        `SELECT w.slug, i.auth_kind::text AS kind, i.installation_id::text AS installation
         FROM workspace_integrations i JOIN workspaces w ON w.id = i.workspace_id ORDER BY w.slug`,
      )
    ).rows;
  /** The workspace connected through OAuth as `login` (its stored user token is what linking checks). */
  const storeOAuth = async (slug: string, login: string) => {
    const cipher = new SecretCipher(system.config.secrets.activeKeyId, system.config.secrets.keys);
    const token = system.sim.oauth.issueUserToken(login, ['repo', 'read:user']);
    const id = randomUUID();
    await system.db.query(
      `INSERT INTO workspace_integrations (id, workspace_id, auth_kind, access_token_encrypted, github_login, updated_at)
       VALUES ($4, $1, 'oauth', $2, $3, now())`,
      [workspaces[slug], cipher.encrypt(token, accessTokenBinding(id)), login, id],
    );
  };

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 2, comments: 0 }],
      env: (sim) => ({
        GITHUB_APP_ID: APP_ID,
        GITHUB_APP_PRIVATE_KEY: keys.privateKey,
        GITHUB_API_BASE_URL: sim.url,
      }),
    });
    system.sim.oauth.registerApp(APP_ID, keys.publicKey);
    system.sim.oauth.addInstallation(APP_ID, { id: ACME, account: 'acme' });
    system.sim.oauth.addInstallation(APP_ID, { id: GLOBEX, account: 'globex' });
    for (const login of ['alice', 'carol']) system.sim.oauth.addMember('acme', login);
    for (const login of ['alice', 'bob', 'carol']) system.sim.oauth.addMember('globex', login);
    for (const slug of ['acme', 'rival', 'third']) {
      workspaces[slug] = (await system.admin.createWorkspace(slug, slug)).id;
      await system.admin.addUser({ workspace: slug, email: `admin@${slug}.test`, name: 'A', role: 'admin' });
      tokens[slug] = (
        await system.admin.createToken({ workspace: slug, email: `admin@${slug}.test`, name: 't' })
      ).token;
    }
  });

  afterAll(async () => {
    await system?.close();
  });

  it('refuses the admin of another workspace whose GitHub user cannot see the installation; nothing is written', async () => {
    await storeOAuth('rival', 'mallory');
    const before = await rows();
    const minted = system.sim.oauth.minted.length;
    // With the workspace's stored OAuth token (mallory is no member of acme).
    const stored = await link('rival', { installation_id: ACME });
    expect(stored.status).toBe(403);
    expect(stored.json).toMatchObject({ error: { message: expect.stringMatching(/installation 92001/) } });
    // With a user token in the request.
    const supplied = await link('rival', {
      installation_id: ACME,
      user_token: system.sim.oauth.issueUserToken('mallory', ['repo']),
    });
    expect(supplied.status).toBe(403);
    // Without any user token (no OAuth connection): nothing proves access.
    const none = await link('third', { installation_id: ACME });
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ error: { field: 'user_token' } });
    expect(await rows()).toEqual(before);
    expect(system.sim.oauth.minted.length).toBe(minted);
  });

  it('links for an admin whose GitHub user sees the installation; a second workspace is refused', async () => {
    const linked = await link('acme', {
      installation_id: ACME,
      user_token: system.sim.oauth.issueUserToken('alice', ['repo']),
    });
    expect(linked.status).toBe(200);
    expect(linked.json).toMatchObject({ integration: { auth_kind: 'app', installation_id: String(ACME) } });
    // carol sees it too, but it belongs to acme now.
    const taken = await link('third', {
      installation_id: ACME,
      user_token: system.sim.oauth.issueUserToken('carol', ['repo']),
    });
    expect(taken.status).toBe(409);
    expect((await rows()).filter((r) => r.installation === String(ACME))).toEqual([
      { slug: 'acme', kind: 'app', installation: String(ACME) },
    ]);
  });

  it('two concurrent links of one installation: one wins', async () => {
    await storeOAuth('third', 'bob');
    const rival = await system.db.query<{ id: string }>(
      'SELECT id FROM workspace_integrations WHERE workspace_id = $1',
      [workspaces['rival']],
    );
    const rivalId = String(rival.rows[0]?.id);
    await system.db.query(
      `UPDATE workspace_integrations SET access_token_encrypted = $1, auth_kind = 'oauth', installation_id = NULL
       WHERE id = $2`,
      [
        new SecretCipher(system.config.secrets.activeKeyId, system.config.secrets.keys).encrypt(
          system.sim.oauth.issueUserToken('carol', ['repo']),
          accessTokenBinding(rivalId),
        ),
        rivalId,
      ],
    );
    const answers = await Promise.all([
      link('rival', { installation_id: GLOBEX }),
      link('third', { installation_id: GLOBEX }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const holders = (await rows()).filter((r) => r.installation === String(GLOBEX));
    expect(holders).toHaveLength(1);
    expect(holders[0]?.kind).toBe('app');
  });
});
