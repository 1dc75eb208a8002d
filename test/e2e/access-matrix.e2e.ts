import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { type ApiRoute, apiRoutes, call } from './access-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

type Who = 'anonymous' | 'other_admin' | 'member' | 'admin';

/** Public routes must be one of these (a route made public by mistake fails the walk). */
const PUBLIC_ALLOWED = [
  /^\/api\/health(\/.*)?$/,
  /^\/api\/auth\/github\/callback$/,
  /^\/api\/console\/session(\/link)?$/, // sign-in (API token in the body) / cookie-checked session / link
  /^\/api\/webhooks\/github-mcp$/,
  /^\/api\/docs(-json|-yaml|\/.*)?$/,
  /^\/metrics$/,
];

describe('access control: every API route × {no token, member, admin, admin of another workspace}', () => {
  let system: TestSystem;
  let acme: Awaited<ReturnType<typeof seedWorkspace>>;
  let other: Awaited<ReturnType<typeof seedWorkspace>>;
  let routes: ApiRoute[];
  const params: Record<string, string> = {};

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 3 }],
      env: {
        GITHUB_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
        GITHUB_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
      },
    });
    acme = await seedWorkspace(system, ['acme/web'], 'acme');
    other = await seedWorkspace(system, ['acme/web'], 'other');
    const sync = await call(`${system.apiUrl}/workspaces/acme/integrations/github-mcp/sync/`, {
      method: 'POST',
      token: acme.adminToken,
      body: {},
    });
    expect(sync.status).toBe(202);
    const { rows } = await system.db.query<{ id: string }>(
      `INSERT INTO issues (id, workspace_id, project_id, sequence_id, title)
       SELECT gen_random_uuid(), workspace_id, id, 1, 'probe' FROM projects WHERE id = $1 RETURNING id`,
      [acme.projectId],
    );
    Object.assign(params, {
      slug: 'acme',
      projectId: acme.projectId,
      issueId: rows[0]?.id ?? '',
      jobId: String(sync.json.job_id),
    });
    routes = apiRoutes(system.api, system.config.api.prefix);
  });

  afterAll(async () => {
    await system?.close();
  });

  function url(route: ApiRoute, slug: string): { url: string; allParamsKnown: boolean } {
    let allParamsKnown = true;
    const path = route.path.replace(/:(\w+)/g, (_m, name: string) => {
      if (name === 'slug') return slug;
      if (params[name]) return params[name];
      allParamsKnown = false;
      return randomUUID();
    });
    return { url: `${new URL(system.apiUrl).origin}${path}/`, allParamsKnown };
  }

  function expectation(route: ApiRoute, who: Who, status: number, allParamsKnown: boolean): string | null {
    const hasSlug = route.path.includes(':slug');
    if (status >= 500) return `server error ${status}`;
    if (route.public || route.handler === null) return null; // anyone may call it; it must just not fail
    if (who === 'anonymous') return status === 401 ? null : `expected 401, got ${status}`;
    if (who === 'other_admin' && hasSlug) return status === 404 ? null : `expected 404, got ${status}`;
    if (who === 'member' && route.adminOnly) return status === 403 ? null : `expected 403, got ${status}`;
    if (status === 401 || status === 403) return `expected access, got ${status}`;
    if (status === 404 && allParamsKnown) return `expected the resource to be found, got 404`;
    return null;
  }

  it('finds the routes in the Nest router, including the ones of this issue', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'POST /api/workspaces/:slug/integrations/github-mcp/connect',
      'PATCH /api/workspaces/:slug/integrations/github-mcp/configure',
      'DELETE /api/workspaces/:slug/integrations/github-mcp/disconnect',
      'GET /api/workspaces/:slug/integrations/github-mcp/repositories',
      'GET /api/workspaces/:slug/integrations/github-mcp/oauth/authorize',
      'GET /api/workspaces/:slug/integrations/github-mcp/audit-logs',
      'PUT /api/workspaces/:slug/integrations/github-mcp/credentials/token',
      'PUT /api/workspaces/:slug/integrations/github-mcp/credentials/installation',
      'POST /api/workspaces/:slug/integrations/github-mcp/sync',
      'GET /api/workspaces/:slug/integrations/github-mcp/status',
      'GET /api/auth/github/callback',
      'POST /api/console/session',
      'GET /api/console/session',
      'DELETE /api/console/session',
      'GET /api/console/session/link',
      'GET /api/workspaces/:slug/me',
      'GET /api/workspaces/:slug/projects/:projectId/issues',
    ]) {
      expect(names).toContain(expected);
    }
    for (const route of routes.filter((r) => r.public || r.handler === null)) {
      expect({ route: route.path, allowed: PUBLIC_ALLOWED.some((p) => p.test(route.path)) }).toEqual({
        route: route.path,
        allowed: true,
      });
    }
    for (const admin of [
      'connect',
      'configure',
      'disconnect',
      'sync',
      'oauth/authorize',
      'credentials/token',
    ]) {
      expect(routes.find((r) => r.path.endsWith(`/github-mcp/${admin}`))?.adminOnly).toBe(true);
    }
  });

  it('answers every route with the expected status class for each caller', async () => {
    const callers: [Who, string | undefined, string][] = [
      ['anonymous', undefined, 'acme'],
      ['other_admin', other.adminToken, 'acme'],
      ['member', acme.memberToken, 'acme'],
      ['admin', acme.adminToken, 'acme'],
    ];
    // Destructive routes last, so they do not change what the others answer.
    const ordered = [...routes].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const failures: string[] = [];
    let calls = 0;
    for (const [who, token, slug] of callers) {
      for (const route of ordered) {
        const target = url(route, slug);
        const body = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
        const answer = await call(target.url, { method: route.method, token, body });
        calls += 1;
        const problem = expectation(route, who, answer.status, target.allParamsKnown);
        if (problem)
          failures.push(
            `${who.padEnd(11)} ${route.method} ${route.path}: ${problem} ${answer.text.slice(0, 200)}`,
          );
        if (answer.status === 401) expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(routes.length * callers.length);
  });

  it("never shows one workspace another's resources, even by id", async () => {
    const base = system.apiUrl;
    const otherProject = await call(`${base}/workspaces/other/projects/${acme.projectId}/issues/`, {
      token: other.adminToken,
    });
    expect(otherProject.status).toBe(404);
    const otherJob = await call(
      `${base}/workspaces/other/integrations/github-mcp/sync-jobs/${params['jobId']}/`,
      {
        token: other.adminToken,
      },
    );
    expect(otherJob.status).toBe(404);
    const probing = await call(`${base}/workspaces/does-not-exist/integrations/github-mcp/status/`, {
      token: acme.adminToken,
    });
    expect(probing.status).toBe(404);
    expect(probing.json).toEqual({
      error: { code: 'not_found', message: 'workspace does-not-exist not found' },
    });
  });

  it('revokes tokens from the CLI, lists them without the secret, and records their last use', async () => {
    const created = await system.admin.createToken({
      workspace: 'acme',
      email: 'member@acme.test',
      name: 'ci',
    });
    expect(created.token).toMatch(/^gms_/);
    const status = `${system.apiUrl}/workspaces/acme/integrations/github-mcp/status/`;
    expect((await call(status, { token: created.token })).status).toBe(200);
    const listed = await system.admin.listTokens({ workspace: 'acme' });
    const mine = listed.find((t) => t.id === created.id);
    expect(mine).toMatchObject({
      name: 'ci',
      prefix: created.prefix,
      user_email: 'member@acme.test',
      role: 'member',
    });
    expect(mine?.last_used_at).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const revoked = await system.admin.revokeToken({ workspace: 'acme', token: created.id });
    expect(revoked.revoked_at).not.toBeNull();
    const after = await call(status, { token: created.token });
    expect(after.status).toBe(401);
    expect(after.json).toMatchObject({ error: { code: 'unauthorized' } });
    await expect(system.admin.revokeToken({ workspace: 'other', token: created.id })).rejects.toThrow(
      /no API token/,
    );
    await expect(
      system.admin.createToken({ workspace: 'acme', email: 'stranger@x.test', name: 'x' }),
    ).rejects.toThrow(/not a member/);
    const { rows } = await system.db.query<{ action: string }>(
      `SELECT action FROM audit_logs WHERE target_id = $1 ORDER BY created_at`,
      [created.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it('answers a malformed or unknown token with 401 and never with the token', async () => {
    const status = `${system.apiUrl}/workspaces/acme/integrations/github-mcp/status/`;
    for (const header of ['Bearer', 'Bearer gms_nope', 'Basic abc', 'gms_x']) {
      const answer = await call(status, { headers: { authorization: header } });
      expect(answer.status).toBe(401);
      expect(answer.text).not.toContain('gms_nope');
    }
  });
});
