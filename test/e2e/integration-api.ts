/** The integration admin API (`/workspaces/acme/integrations/github-mcp`) against four simulated repositories. */
import { afterAll, beforeAll } from '@jest/globals';
import { call } from './access-helpers.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

type Json = Record<string, unknown>;
export type Seeded = Awaited<ReturnType<typeof seedWorkspace>>;

/**
 * Starts the system (acme/web, acme/api, acme/docs and octocat/hello; workspace acme, nothing connected)
 * before the spec's tests and closes it after; hands it to `onStart` and answers calls of the API as the
 * admin (user agent e2e-admin/1.0) and as a member, and `jobDone` (waits for a sync job to end).
 */
export function useIntegrationApi(onStart: (started: { system: TestSystem; seeded: Seeded }) => void) {
  let system: TestSystem;
  let seeded: Seeded;
  const base = '/workspaces/acme/integrations/github-mcp';

  beforeAll(async () => {
    system = await startSystem({
      repos: [
        { owner: 'acme', name: 'web', issues: 8, comments: 4 },
        { owner: 'acme', name: 'api', issues: 3, comments: 0 },
        { owner: 'acme', name: 'docs', issues: 2, comments: 0 },
        { owner: 'octocat', name: 'hello', issues: 2, comments: 0 },
      ],
    });
    seeded = await seedWorkspace(system, []);
    onStart({ system, seeded });
  });

  afterAll(async () => {
    await system?.close();
  });

  const admin = (path: string, init: Omit<Parameters<typeof call>[1] & object, 'token'> = {}) =>
    call(`${system.apiUrl}${base}${path}`, {
      ...init,
      token: seeded.adminToken,
      headers: { 'user-agent': 'e2e-admin/1.0', ...init.headers },
    });
  const member = (path: string, init: Omit<Parameters<typeof call>[1] & object, 'token'> = {}) =>
    call(`${system.apiUrl}${base}${path}`, { ...init, token: seeded.memberToken });

  async function jobDone(jobId: string): Promise<Json> {
    return waitFor(`job ${jobId}`, async () => {
      const { json } = await admin(`/sync-jobs/${jobId}/`);
      return ['completed', 'failed'].includes(String(json.status)) ? json : undefined;
    });
  }

  return { admin, member, jobDone };
}
