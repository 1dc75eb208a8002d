import { describe, expect, it } from '@jest/globals';
import { at, payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import type { TestSystem } from './support/system.js';
import { INSTALLATION, useEventWebhooks } from './webhook-systems.js';

/** installation, installation_repositories and repository deliveries. */
describe('webhook processing: installations and repositories', () => {
  let system: TestSystem;
  let repoId: number;

  const { send } = useEventWebhooks((started) => ({ system, repoId } = started));

  it('installation events record the installation and link it to the integration by installation id', async () => {
    const installation = { id: INSTALLATION, account: { login: 'acme', type: 'Organization' } };
    const row = await send('installation', {
      action: 'created',
      installation,
      repositories: [{ id: repoId, full_name: 'acme/web' }],
      sender: { login: 'octocat' },
    });
    expect(row).toMatchObject({
      status: 'processed',
      result: { installation_id: INSTALLATION, account: 'acme' },
    });
    const read = async () => {
      const { rows } = await system.db.query(
        `SELECT account_login, account_type, suspended_at, deleted_at,
                workspace_integration_id = (SELECT id FROM workspace_integrations LIMIT 1) AS linked
         FROM github_installations WHERE installation_id = $1`,
        [INSTALLATION],
      );
      return rows[0] as {
        account_login: string;
        linked: boolean | null;
        suspended_at: Date | null;
        deleted_at: Date | null;
      };
    };
    expect(await read()).toMatchObject({
      account_login: 'acme',
      account_type: 'Organization',
      linked: true,
      deleted_at: null,
    });
    await send('installation', {
      action: 'suspend',
      installation: { ...installation, suspended_at: at(50) },
    });
    expect((await read()).suspended_at).toEqual(new Date(at(50)));
    await send('installation', { action: 'unsuspend', installation });
    expect((await read()).suspended_at).toBeNull();
    const repos = await send('installation_repositories', {
      action: 'removed',
      installation,
      repositories_added: [],
      repositories_removed: [{ id: repoId, full_name: 'acme/web' }],
    });
    expect(repos.result).toMatchObject({
      connected_repositories_removed: ['acme/web'],
      linked_integration_id: expect.any(String),
      syncs_disabled: 1,
    });
    // The installation no longer reaches it, so its sync stopped; an admin enables it again.
    await system.db.query('UPDATE github_repository_syncs SET enabled = true, disabled_reason = NULL');
    await send('installation', { action: 'deleted', installation });
    expect(await read()).toMatchObject({ linked: null, deleted_at: expect.any(Date) });
  });

  it('repository renamed / transferred keep the identity by GitHub id; deleted disables the sync', async () => {
    const repository = payloadFor(system.sim, { event: 'repository' })['repository'] as Record<
      string,
      unknown
    >;
    const identity = async () => {
      const { rows } = await system.db.query(
        `SELECT r.owner, r.name, r.html_url, rs.enabled FROM github_repositories r
         JOIN github_repository_syncs rs ON rs.repository_id = r.id WHERE r.github_id = $1`,
        [repoId],
      );
      return rows;
    };
    const renamed = await send('repository', {
      action: 'renamed',
      changes: { repository: { name: { from: 'web' } } },
      repository: {
        ...repository,
        name: 'website',
        full_name: 'acme/website',
        html_url: 'https://github.com/acme/website',
      },
    });
    expect(renamed.result).toMatchObject({
      repository: 'acme/website',
      previous: ['acme/web'],
      repositories_updated: 1,
    });
    expect(await identity()).toEqual([
      { owner: 'acme', name: 'website', html_url: 'https://github.com/acme/website', enabled: true },
    ]);
    await send('repository', {
      action: 'transferred',
      changes: { owner: { from: { user: { login: 'acme' } } } },
      repository: {
        ...repository,
        name: 'website',
        full_name: 'globex/website',
        owner: { login: 'globex', id: 9 },
      },
    });
    expect((await identity())[0]).toMatchObject({ owner: 'globex', name: 'website' });
    await send('repository', {
      action: 'deleted',
      repository: { ...repository, owner: { login: 'globex' }, name: 'website' },
    });
    expect((await identity())[0]).toMatchObject({ enabled: false });
    const { rows } = await system.db.query('SELECT count(*)::int AS n FROM github_repositories');
    expect(rows[0]).toEqual({ n: 1 });
  });
});
