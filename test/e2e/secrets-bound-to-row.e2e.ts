import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { SecretCipher, accessTokenBinding } from '#libs/secrets';
import { legacyCiphertext } from '../support/legacy-secret.js';
import { startEntry, stopAllEntries } from '../support/process.js';
import { type Rest, rest } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;

const KEY_1 = Buffer.alloc(32, 9); // startSystem's ENCRYPTION_KEY, id k1
const KEY_2 = Buffer.alloc(32, 10);

/**
 * Issue 17 item 9: a stored token is bound to its row (AES-GCM associated data). A ciphertext copied to
 * another workspace's row does not open there; tokens written before the binding (v1) still work until
 * `reencrypt-secrets` rewrites them; the command also moves every secret to a new key (rotation).
 */
describe('secrets bound to their row', () => {
  let system: TestSystem;
  const api: Record<string, Rest> = {};
  const integrationId: Record<string, string> = {};

  beforeAll(async () => {
    system = await startSystem({
      repos: [
        { owner: 'acme', name: 'web', issues: 6, comments: 2, pullRequests: 0 },
        { owner: 'beta', name: 'app', issues: 4, comments: 0, pullRequests: 0 },
      ],
      env: { QUEUE_JOB_ATTEMPTS: '1' },
    });
    for (const [slug, repo] of [
      ['acme', 'acme/web'],
      ['beta', 'beta/app'],
    ] as const) {
      api[slug] = rest(system.apiUrl, (await seedWorkspace(system, [repo], slug)).adminToken);
      const { rows } = await system.db.query<{ id: string }>(
        `SELECT i.id FROM workspace_integrations i JOIN workspaces w ON w.id = i.workspace_id
         WHERE w.slug = $1`,
        [slug],
      );
      integrationId[slug] = (rows[0] as { id: string }).id;
    }
  });

  afterAll(async () => {
    await stopAllEntries();
    await system?.close();
  });

  const storedToken = async (slug: string): Promise<string> =>
    (
      await system.db.query<{ t: string }>(
        'SELECT access_token_encrypted AS t FROM workspace_integrations WHERE id = $1',
        [integrationId[slug]],
      )
    ).rows[0]!.t;

  const setStoredToken = (slug: string, ciphertext: string) =>
    system.db.query('UPDATE workspace_integrations SET access_token_encrypted = $2 WHERE id = $1', [
      integrationId[slug],
      ciphertext,
    ]);

  async function sync(slug: string): Promise<Json> {
    const started = await api[slug]!.post(`/workspaces/${slug}/integrations/github-mcp/sync/`, {});
    expect([200, 202]).toContain(started.status);
    const jobId = String(started.body.job_id);
    return waitFor(`${slug} sync job ${jobId}`, async () => {
      const { body } = await api[slug]!.get(
        `/workspaces/${slug}/integrations/github-mcp/sync-jobs/${jobId}/`,
      );
      return ['completed', 'failed'].includes(String(body.status)) ? body : undefined;
    });
  }

  /** `npm run cli -- reencrypt-secrets` as a real process; its stdout is the JSON report. */
  async function reencrypt(keys: Record<string, string>): Promise<{ code: number | null; report: Json }> {
    const proc = startEntry('apps/cli/src/main', {
      args: ['reencrypt-secrets'],
      env: { ...system.env, LOG_LEVEL: 'error', ...keys },
    });
    let stdout = '';
    proc.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await proc.exited;
    if (!stdout.trim().startsWith('{')) throw new Error(`no report (exit ${code}):\n${proc.output()}`);
    return { code, report: JSON.parse(stdout) as Json };
  }

  it('writes every new token as v2 bound to its row', async () => {
    for (const slug of ['acme', 'beta']) {
      const stored = await storedToken(slug);
      expect(stored).toMatch(/^v2:k1:/);
      const cipher = new SecretCipher('k1', new Map([['k1', KEY_1]]));
      expect(cipher.decrypt(stored, accessTokenBinding(integrationId[slug]!))).toBe(DEFAULT_SIM_TOKEN);
    }
  });

  it('a token stored before the binding (v1) still syncs', async () => {
    await setStoredToken('acme', legacyCiphertext(DEFAULT_SIM_TOKEN, 'k1', KEY_1));
    expect(await sync('acme')).toMatchObject({ status: 'completed' });
  });

  it('reencrypt-secrets binds the v1 token to its row; a second run rewrites nothing', async () => {
    const first = await reencrypt({});
    expect(first).toEqual({
      code: 0,
      report: { scanned: 2, rewritten: 1, current: 1, changedMeanwhile: 0, unreadable: [] },
    });
    expect(await storedToken('acme')).toMatch(/^v2:k1:/);
    const second = await reencrypt({});
    expect(second.report).toMatchObject({ scanned: 2, rewritten: 0, current: 2 });
    expect(await sync('acme')).toMatchObject({ status: 'completed' });
  });

  it("acme's ciphertext copied into beta's row does not open: beta's sync stops, marked error with the reason", async () => {
    await setStoredToken('beta', await storedToken('acme'));
    const job = await sync('beta');
    expect(job).toMatchObject({ status: 'failed' });
    expect(String(job.error_message)).toMatch(/cannot be decrypted: it was written for another row/);
    const { body } = await api.beta!.get('/workspaces/beta/integrations/github-mcp/status/');
    expect(body.integration).toMatchObject({
      status: 'error',
      status_message: expect.stringMatching(/stored GitHub token cannot be used .*connect GitHub again/),
    });
    expect(JSON.stringify(body)).not.toContain(DEFAULT_SIM_TOKEN);
    // acme, whose row the ciphertext belongs to, is untouched.
    expect(await sync('acme')).toMatchObject({ status: 'completed' });
  });

  it('rotation: with the new key and the old one as ENCRYPTION_KEY_PREVIOUS, everything readable moves to the new key', async () => {
    const rotated = {
      ENCRYPTION_KEY: KEY_2.toString('base64'),
      ENCRYPTION_KEY_ID: 'k2',
      ENCRYPTION_KEY_PREVIOUS: KEY_1.toString('base64'),
    };
    const run = await reencrypt(rotated);
    // beta's copied ciphertext opens for no row: reported, left as it is, and the exit code says so.
    expect(run.code).toBe(1);
    expect(run.report).toMatchObject({ scanned: 2, rewritten: 1, current: 0, changedMeanwhile: 0 });
    expect(run.report.unreadable).toEqual([
      {
        integrationId: integrationId.beta,
        field: 'accessTokenEncrypted',
        reason: expect.stringMatching(/cannot be decrypted/),
      },
    ]);
    const acme = await storedToken('acme');
    expect(acme).toMatch(/^v2:k2:/);
    const newKeyOnly = new SecretCipher('k2', new Map([['k2', KEY_2]]));
    expect(newKeyOnly.decrypt(acme, accessTokenBinding(integrationId.acme!))).toBe(DEFAULT_SIM_TOKEN);
    // Without the previous key, nothing readable is left behind.
    const again = await reencrypt({ ENCRYPTION_KEY: KEY_2.toString('base64'), ENCRYPTION_KEY_ID: 'k2' });
    expect(again.report).toMatchObject({ scanned: 2, rewritten: 0, current: 1 });
  });
});
