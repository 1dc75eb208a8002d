import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecretCipher, webhookSecretBinding } from '#libs/secrets';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { at, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { WEBHOOK_ENV, type EventRow, settled } from '../../libs/webhooks/test/support/system.js';
import { call } from './access-helpers.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

const REPOS = ['web', 'api', 'docs'].map((name) => ({ owner: 'acme', name, issues: 2, comments: 0 }));
const INSTALLATION = 5001; // held by workspace acme; workspace rival connected the same repositories with a PAT
const RIVAL_SECRET = 'rival-own-webhook-secret';

/** Issue 17: where deliveries go — App deliveries, access loss, replays, stale repository/installation events. */
describe('webhook routing between workspaces that share a repository', () => {
  let system: TestSystem;
  let acmeAdmin: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    system = await startSystem({ repos: REPOS, env: WEBHOOK_ENV });
    acmeAdmin = (await seedWorkspace(system, ['acme/web', 'acme/api', 'acme/docs'])).adminToken;
    await seedWorkspace(system, ['acme/web', 'acme/api', 'acme/docs'], 'rival');
    const cipher = new SecretCipher(system.config.secrets.activeKeyId, system.config.secrets.keys);
    await system.db.query(
      `UPDATE workspace_integrations SET installation_id = $1
       WHERE workspace_id = (SELECT id FROM workspaces WHERE slug = 'acme')`,
      [INSTALLATION],
    );
    const { rows } = await system.db.query<{ id: string }>(
      `SELECT i.id FROM workspace_integrations i JOIN workspaces w ON w.id = i.workspace_id WHERE w.slug = 'rival'`,
    );
    const rival = String(rows[0]?.id);
    await system.db.query('UPDATE workspace_integrations SET webhook_secret_encrypted = $1 WHERE id = $2', [
      cipher.encrypt(RIVAL_SECRET, webhookSecretBinding(rival)),
      rival,
    ]);
    for (const { name } of REPOS) ids[name] = Number(system.sim.store.repo('acme', name)?.repo.id);
  });

  afterAll(async () => {
    await system?.close();
  });

  async function send(event: string, payload: Record<string, unknown>, secret?: string): Promise<EventRow> {
    const sent = await deliver(system.apiUrl, { event, payload, ...(secret ? { secret } : {}) });
    expect(sent.status).toBe(202);
    return settled(system, sent.deliveryId);
  }
  const syncs = async (repo: string) =>
    (
      await system.db.query<{ slug: string; name: string; enabled: boolean; reason: string | null }>(
        `SELECT w.slug, r.name, rs.enabled, rs.disabled_reason AS reason
         FROM github_repository_syncs rs JOIN github_repositories r ON r.id = rs.repository_id
         JOIN workspaces w ON w.id = rs.workspace_id WHERE r.github_id = $1 ORDER BY w.slug`,
        [ids[repo]],
      )
    ).rows;
  const repository = (repo: string, action: string, changes: Record<string, unknown>, extra = {}) =>
    payloadFor(system.sim, {
      event: 'repository',
      action,
      repository: `acme/${repo}`,
      payload: { repository: changes, ...extra },
    });
  const installation = (action: string, updatedAt: string, extra = {}) => ({
    action,
    installation: {
      id: INSTALLATION,
      account: { login: 'acme', type: 'Organization' },
      updated_at: updatedAt,
    },
    sender: { login: 'octocat' },
    ...extra,
  });

  it('an App delivery reaches only the workspace holding its installation', async () => {
    const row = await send(
      'repository',
      repository('web', 'edited', { default_branch: 'trunk' }, { installation: { id: INSTALLATION } }),
    );
    expect(row).toMatchObject({ status: 'processed', result: { repositories_updated: 1 } });
    const { rows } = await system.db.query<{ slug: string; branch: string | null }>(
      `SELECT w.slug, r.default_branch AS branch FROM github_repositories r
       JOIN workspace_integrations i ON i.id = r.workspace_integration_id JOIN workspaces w ON w.id = i.workspace_id
       WHERE r.github_id = $1 ORDER BY w.slug`,
      [ids['web']],
    );
    expect(rows).toEqual([
      { slug: 'acme', branch: 'trunk' },
      { slug: 'rival', branch: expect.not.stringMatching(/^trunk$/) as unknown as string },
    ]);
  });

  it('a repository removed from the installation stops syncing there, with the reason', async () => {
    const row = await send(
      'installation_repositories',
      installation('removed', at(10), {
        repositories_added: [],
        repositories_removed: [{ id: ids['docs'], full_name: 'acme/docs' }],
      }),
    );
    expect(row).toMatchObject({ status: 'processed', result: { syncs_disabled: 1 } });
    expect(await syncs('docs')).toEqual([
      {
        slug: 'acme',
        name: 'docs',
        enabled: false,
        reason: `repository acme/docs was removed from GitHub App installation ${INSTALLATION}`,
      },
      { slug: 'rival', name: 'docs', enabled: true, reason: null },
    ]);
    const later = await send(
      'issues',
      payloadFor(system.sim, {
        event: 'issues',
        action: 'edited',
        repository: 'acme/docs',
        number: [...(system.sim.store.repo('acme', 'docs')?.items.values() ?? [])].find((i) => !i.pull)
          ?.number as number,
        payload: {
          installation: { id: INSTALLATION },
          issue: { title: 'after removal', updated_at: at(20) },
        },
      }),
    );
    expect(later).toMatchObject({ status: 'ignored', result: { reason: 'syncing acme/docs is disabled' } });
  });

  it('repository.privatized disables the copies the delivery did not reach through their installation', async () => {
    await send(
      'repository',
      repository('web', 'privatized', { private: true }, { installation: { id: INSTALLATION } }),
    );
    expect((await syncs('web')).map((s) => s.enabled)).toEqual([true, true]);
    const row = await send('repository', repository('web', 'privatized', { private: true }));
    expect(row).toMatchObject({ status: 'processed', result: { syncs_disabled: 2 } });
    const after = await syncs('web');
    expect(after.map((s) => [s.slug, s.enabled])).toEqual([
      ['acme', false],
      ['rival', false],
    ]);
    expect(after[1]?.reason).toMatch(/acme\/web became private/);
  });

  it('an older rename does not rewrite names; a replay applies to the replaying workspace only', async () => {
    const one = await send(
      'repository',
      repository('api', 'renamed', { name: 'api-one', updated_at: at(200) }),
    );
    expect(one.result).toMatchObject({ repositories_updated: 2 });
    const two = await send(
      'repository',
      repository('api', 'renamed', { name: 'api-two', updated_at: at(300) }),
    );
    expect(two.result).toMatchObject({ repositories_updated: 2 });
    const old = await send(
      'repository',
      repository('api', 'renamed', { name: 'api-old', updated_at: at(250) }),
    );
    expect(old.result).toMatchObject({ repositories_updated: 0 });
    expect((await syncs('api')).map((s) => s.name)).toEqual(['api-two', 'api-two']);

    const replay = async (deliveryId: string) => {
      const answer = await call(
        `${system.apiUrl}/workspaces/acme/integrations/github-mcp/webhook-events/${deliveryId}/replay/`,
        { method: 'POST', token: acmeAdmin },
      );
      expect(answer.status).toBe(202);
      return waitFor('replay to settle', async () => {
        const row = await settled(system, deliveryId);
        return row.status === 'processed' && row.result ? row : undefined;
      });
    };
    expect((await replay(two.delivery_id)).result).toMatchObject({ repositories_updated: 1 });
    expect((await replay(one.delivery_id)).result).toMatchObject({ repositories_updated: 0 });
    expect((await syncs('api')).map((s) => s.name)).toEqual(['api-two', 'api-two']);
  });

  it('an installation event verified with another integration’s own secret changes nothing', async () => {
    expect(await send('installation', installation('created', at(500)))).toMatchObject({
      status: 'processed',
    });
    const record = async () =>
      (
        await system.db.query<{ linked: string | null; suspended: Date | null; deleted: Date | null }>(
          `SELECT workspace_integration_id::text AS linked, suspended_at AS suspended, deleted_at AS deleted
           FROM github_installations WHERE installation_id = $1`,
          [INSTALLATION],
        )
      ).rows[0];
    const before = await record();
    expect(before?.linked).toEqual(expect.any(String));
    // Signed with rival's own secret, matched through a repository rival connected. An installation event
    // never carries a repository, so the shape check refuses it at the door (issue 17 item 4); the
    // handler's own rule (an integration's secret only reaches its own installation) stays behind it.
    const forged = await deliver(system.apiUrl, {
      event: 'installation',
      payload: installation('deleted', at(600), { repository: { id: ids['web'], full_name: 'acme/web' } }),
      secret: RIVAL_SECRET,
    });
    expect(forged.status).toBe(400);
    expect(await record()).toEqual(before);
  });

  it('an older installation event does not rewrite the installation', async () => {
    await send('installation', installation('suspend', at(700)));
    const stale = await send('installation', installation('unsuspend', at(650)));
    expect(stale.result).toMatchObject({ stale: true });
    const { rows } = await system.db.query<{ suspended: Date | null }>(
      'SELECT suspended_at AS suspended FROM github_installations WHERE installation_id = $1',
      [INSTALLATION],
    );
    expect(rows[0]?.suspended).toBeInstanceOf(Date);
  });
});
