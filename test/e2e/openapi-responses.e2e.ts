import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { deliver } from '../../libs/webhooks/test/support/deliveries.js';
import { payloadFor } from '../../libs/webhooks/test/support/payloads.js';
import { WEBHOOK_ENV, settled } from '../../libs/webhooks/test/support/system.js';
import {
  METHODS,
  type OpenApiDocument,
  type OpenApiValidator,
  documentedClient,
  openApiValidator,
} from './support/openapi-validator.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

const APP_ID = '777002';
const INSTALLATION = 92_001;
const GH = '/api/workspaces/{slug}/integrations/github-mcp';
const ISSUES = '/api/workspaces/{slug}/projects/{projectId}/issues';
/**
 * Operations whose success answer is not a JSON body and that do not say so themselves (a 2xx with
 * `text/event-stream` content or a 3xx-only route is recognised), `"<method> <path>": reason`.
 */
const NOT_JSON: Record<string, string> = {};

/** Documented GETs this test does not call, with the reason (each has its own e2e test). */
const NOT_CALLED: Record<string, string> = {
  'get /api/workspaces/{slug}/integrations/github-mcp/oauth/authorize':
    '302 browser redirect (oauth-connect)',
  'get /api/auth/github/callback': '303 browser redirect with a cookie (oauth-connect)',
  'get /api/console/session': 'cookie-authenticated (console-session)',
  'get /api/console/session/link': '303 browser redirect (console-signin)',
  'get /api/workspaces/{slug}/integrations/github-mcp/status/events': 'event stream (console-streams)',
  'get /api/workspaces/{slug}/integrations/github-mcp/sync-jobs/{jobId}/events':
    'event stream (console-streams)',
};

/**
 * Every JSON route answers what the OpenAPI document declares: real answers of the running system
 * (simulator, a synced repository, a webhook delivery, issues with comments, audit entries) are
 * validated against the schema the document gives for their path, method and status.
 */
describe('OpenAPI response schemas match the real answers', () => {
  let system: TestSystem;
  let doc: OpenApiDocument;
  let validator: OpenApiValidator;
  let api: ReturnType<typeof documentedClient>;
  let params: Record<string, string>;
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 2 }],
      env: (sim) => ({
        ...WEBHOOK_ENV,
        SYNC_ISSUE_DEBOUNCE_MS: '0',
        GITHUB_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
        GITHUB_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
        GITHUB_OAUTH_BASE_URL: sim.url,
        GITHUB_API_BASE_URL: sim.url,
        GITHUB_APP_ID: APP_ID,
        GITHUB_APP_PRIVATE_KEY: keys.privateKey.replace(/\n/g, '\\n'),
      }),
    });
    system.sim.oauth.registerApp(APP_ID, keys.publicKey);
    system.sim.oauth.addInstallation(APP_ID, { id: INSTALLATION, account: 'acme' });
    const seeded = await seedWorkspace(system, ['acme/web']);
    params = { slug: seeded.slug, projectId: seeded.projectId };
    doc = (await (await fetch(`${system.apiUrl}/docs/openapi.json`)).json()) as OpenApiDocument;
    validator = openApiValidator(doc);
    api = documentedClient(new URL(system.apiUrl).origin, seeded.adminToken, validator);
  });

  afterAll(async () => {
    await system?.close();
  });

  it('documents a JSON 2xx body for every operation, as named component schemas', () => {
    const undocumented: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const op = item[method];
        if (!op || NOT_JSON[`${method} ${path}`]) continue;
        const statuses = Object.keys(op.responses);
        const ok = statuses.filter((status) => /^2\d\d$/.test(status));
        // A redirect-only route (3xx, no 2xx) documents no body.
        if (ok.length === 0 && !statuses.some((status) => /^3\d\d$/.test(status))) {
          undocumented.push(`${method} ${path}: no 2xx answer`);
        }
        for (const status of ok) {
          const content = op.responses[status]?.content;
          if (status === '204') continue; // no body
          if (content?.['application/json']?.schema || content?.['text/event-stream']) continue;
          undocumented.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(
      expect.arrayContaining([
        'SyncJob',
        'SyncStatus',
        'Integration',
        'Issue',
        'IssueDetail',
        'WebhookEvent',
      ]),
    );
    const status = doc.paths[`${GH}/status`]?.get?.responses['200']?.content?.['application/json']?.schema;
    expect(status).toEqual({ $ref: '#/components/schemas/SyncStatus' });
  });

  it('answers every documented GET and the writes as declared', async () => {
    await api.call('put', `${GH}/credentials/token`, {
      params,
      body: { token: DEFAULT_SIM_TOKEN },
      status: 200,
    });
    await api.call('patch', `${GH}/configure`, {
      params,
      body: { repository: 'acme/web', direction: 'bidirectional' },
      status: 200,
    });
    const connect = { repository: 'acme/web', project_id: params.projectId };
    await api.call('post', `${GH}/connect`, { params, body: connect, status: [200, 201] });
    const sync = await api.call('post', `${GH}/sync`, { params, body: {}, status: [200, 202] });
    const jobId = String(sync.body.job_id);
    await waitFor('the first sync', async () => {
      const job = await api.call('get', `${GH}/sync-jobs/{jobId}`, {
        params: { ...params, jobId },
        status: 200,
      });
      return job.body.status === 'completed' ? job : undefined;
    });
    await api.call('post', `${GH}/sync`, { params, body: { repository: 'acme/web' }, status: [200, 202] });
    await api.call('get', `${GH}/status`, { params, status: 200 });
    await api.call('get', `${GH}/repositories`, { params, status: 200 });

    const list = await api.call('get', ISSUES, { params, status: 200 });
    const synced = (list.body.results as { id: string; comment_count: number }[]).find(
      (i) => i.comment_count > 0,
    );
    expect(synced).toBeDefined();
    await api.call('get', `${ISSUES}/{issueId}`, {
      params: { ...params, issueId: String(synced?.id) },
      status: 200,
    });
    const created = await api.call('post', ISSUES, {
      params,
      body: { title: 'Documented', labels: ['docs'] },
      status: 201,
    });
    const issue = { ...params, issueId: String(created.body.id) };
    await api.call('patch', `${ISSUES}/{issueId}`, {
      params: issue,
      body: { state: 'started' },
      status: 200,
    });
    const comment = await api.call('post', `${ISSUES}/{issueId}/comments`, {
      params: issue,
      body: { body: 'hi' },
      status: 201,
    });
    await api.call('patch', `${ISSUES}/{issueId}/comments/{commentId}`, {
      params: { ...issue, commentId: String(comment.body.id) },
      body: { body: 'hello' },
      status: 200,
    });
    await api.call('get', `${ISSUES}/{issueId}`, { params: issue, status: 200 });

    const number = Number(system.sim.store.repo('acme', 'web')?.items.values().next().value?.number);
    const payload = payloadFor(system.sim, { event: 'issues', action: 'edited', number });
    const sent = await deliver(system.apiUrl, { event: 'issues', payload });
    expect(sent.status).toBe(202);
    await settled(system, sent.deliveryId);
    const delivery = { ...params, deliveryId: sent.deliveryId };
    await api.call('get', `${GH}/webhook-events`, { params, status: 200 });
    await api.call('get', `${GH}/webhook-events/{deliveryId}`, { params: delivery, status: 200 });
    await api.call('post', `${GH}/webhook-events/{deliveryId}/replay`, { params: delivery, status: 202 });
    await api.call('get', `${GH}/audit-logs`, { params, status: 200 });
    await api.call('get', '/api/health', { status: 200 });
    await api.call('get', '/api/health/live', { status: 200 });

    await api.call('get', '/api/workspaces/{slug}/me', { params, status: 200 });
    await api.call('get', `${GH}/overview`, { params, status: 200 });
    await api.call('get', `${GH}/sync-jobs`, { params, status: 200 });
    await api.call('get', '/api/workspaces/{slug}/projects', { params, status: 200 });
    await api.call('post', '/api/workspaces/{slug}/projects', {
      params,
      body: { name: 'Documented', identifier: 'DOC' },
      status: 201,
    });
    system.sim.oauth.addMember('acme', 'wile');
    const userToken = system.sim.oauth.issueUserToken('wile', ['repo']);
    const installation = { installation_id: INSTALLATION, account_login: 'acme', user_token: userToken };
    await api.call('put', `${GH}/credentials/installation`, { params, body: installation, status: 200 });
    await api.call('delete', `${GH}/disconnect`, { params, status: 200 });

    const gets = Object.entries(doc.paths)
      .filter(([, item]) => item.get)
      .map(([path]) => `get ${path}`);
    expect(gets.filter((route) => !api.called.has(route) && !NOT_CALLED[route])).toEqual([]);
  });

  it('refuses a body with a field missing, renamed or of the wrong type', async () => {
    const { body } = await api.call('get', `${GH}/status`, { params, status: 200 });
    const errors = (mutate: (copy: Record<string, Record<string, unknown>>) => void) => {
      const copy = structuredClone(body) as Record<string, Record<string, unknown>>;
      mutate(copy);
      return validator.errors(`${GH}/status`, 'get', 200, copy);
    };
    expect(errors(() => undefined)).toEqual([]);
    expect(errors((c) => delete c.integration?.status)).not.toEqual([]);
    expect(
      errors((c) => {
        c.recentJobs = c.recent_jobs as Record<string, unknown>;
        delete c.recent_jobs;
      }),
    ).not.toEqual([]);
    expect(errors((c) => ((c.integration as Record<string, unknown>).scopes = 'repo'))).not.toEqual([]);
    expect(errors((c) => ((c.integration as Record<string, unknown>).created_at = 'yesterday'))).not.toEqual(
      [],
    );
  });
});
