/** The systems the webhook e2e specs share: the ingestion route, and signed deliveries applied to connected repositories. */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { TEST_WEBHOOK_SECRET, deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { WEBHOOK_ENV, type EventRow, settled } from '../../libs/webhooks/test/support/system.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const ISSUE_REPOS = [
  { owner: 'acme', name: 'web', issues: 12, comments: 10, pullRequests: 2 },
  { owner: 'acme', name: 'api', issues: 3, comments: 0, pullRequests: 0 },
  { owner: 'acme', name: 'lonely', issues: 2, comments: 0, pullRequests: 0 },
];

/**
 * Starts the system (acme/web and acme/api connected, acme/lonely not) before the spec's tests and closes it
 * after; hands `onStart` the system and the numbers of acme/web's issues (pull requests left out).
 */
export function useIssueWebhooks(onStart: (started: { system: TestSystem; numbers: number[] }) => void) {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({ repos: ISSUE_REPOS, env: WEBHOOK_ENV });
    await seedWorkspace(system, ['acme/web', 'acme/api']);
    const web = system.sim.store.repo('acme', 'web');
    onStart({
      system,
      numbers: [...(web?.items.values() ?? [])].filter((i) => !i.pull).map((i) => i.number),
    });
  });

  afterAll(async () => {
    await system?.close();
  });
}

export const INSTALLATION = 4242;

export interface EventSystem {
  system: TestSystem;
  repoId: number;
  issueNumber: number;
  prNumber: number;
}

/**
 * Starts the system (acme/web: 6 issues, 2 pull requests, connected; the integration on installation
 * INSTALLATION) before the spec's tests and closes it after; hands it to `onStart` with acme/web's GitHub id,
 * an issue and a pull request number, and answers `send` (a signed delivery, waited for until settled).
 */
export function useEventWebhooks(onStart: (started: EventSystem) => void) {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 6, comments: 0, pullRequests: 2 }],
      env: WEBHOOK_ENV,
    });
    await seedWorkspace(system, ['acme/web']);
    await system.db.query('UPDATE workspace_integrations SET installation_id = $1', [INSTALLATION]);
    const web = system.sim.store.repo('acme', 'web');
    const items = [...(web?.items.values() ?? [])];
    onStart({
      system,
      repoId: Number(web?.repo.id),
      issueNumber: items.find((i) => !i.pull)?.number as number,
      prNumber: items.find((i) => i.pull)?.number as number,
    });
  });

  afterAll(async () => {
    await system?.close();
  });

  return {
    send: async (event: string, payload: Record<string, unknown>): Promise<EventRow> => {
      const sent = await deliver(system.apiUrl, { event, payload });
      expect(sent.status).toBe(202);
      return settled(system, sent.deliveryId);
    },
  };
}

export const OLD_SECRET = 'the-secret-being-rotated-out';
const INGESTION_REPOS = [
  { owner: 'acme', name: 'web', issues: 5, comments: 0, pullRequests: 0 },
  { owner: 'globex', name: 'app', issues: 5, comments: 0, pullRequests: 0 },
];

/**
 * Starts the system for `POST /api/webhooks/github-mcp/` (secrets TEST_WEBHOOK_SECRET and OLD_SECRET;
 * workspaces acme with acme/web and globex with globex/app) before the spec's tests and closes it after;
 * hands it to `onStart` and answers `stored()`, the number of deliveries stored.
 */
export function useIngestion(onStart: (system: TestSystem) => void) {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startSystem({
      repos: INGESTION_REPOS,
      env: {
        GITHUB_WEBHOOK_SECRET: `${TEST_WEBHOOK_SECRET},${OLD_SECRET}`,
        WEBHOOK_RELAY_INTERVAL_MS: '300',
      },
    });
    await seedWorkspace(system, ['acme/web']);
    await seedWorkspace(system, ['globex/app'], 'globex');
    onStart(system);
  });

  afterAll(async () => {
    await system?.close();
  });

  return {
    stored: async (): Promise<number> => {
      const { rows } = await system.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM github_webhook_events',
      );
      return rows[0]?.n ?? 0;
    },
  };
}
