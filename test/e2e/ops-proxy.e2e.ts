import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_OAUTH_CLIENT } from '../../apps/github-sim/src/oauth/index.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

type Json = Record<string, unknown>;

/**
 * A load balancer publishes the service at https://sync.example.com/lb/… : it strips `/lb` and says so in
 * X-Forwarded-Prefix. The API itself runs with API_PREFIX=some/prefix/api and TRUST_PROXY=1.
 */
const FORWARDED = {
  'x-forwarded-proto': 'https',
  'x-forwarded-host': 'sync.example.com',
  'x-forwarded-prefix': '/lb',
  'x-forwarded-for': '198.51.100.23',
};
const PUBLIC = 'https://sync.example.com/lb';

describe('behind a reverse proxy with a configurable API prefix', () => {
  let system: TestSystem;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let origin: string;

  beforeAll(async () => {
    system = await startSystem({
      repos: [{ owner: 'acme', name: 'web', issues: 3 }],
      env: (sim) => ({
        API_PREFIX: '/some/prefix/api/',
        TRUST_PROXY: '1',
        QUEUE_DASHBOARD_WORKSPACES: 'acme',
        GITHUB_CLIENT_ID: DEFAULT_OAUTH_CLIENT.clientId,
        GITHUB_CLIENT_SECRET: DEFAULT_OAUTH_CLIENT.clientSecret,
        GITHUB_OAUTH_BASE_URL: sim.url,
        GITHUB_API_BASE_URL: sim.url,
      }),
    });
    seeded = await seedWorkspace(system, ['acme/web']);
    origin = new URL(system.apiUrl).origin;
  });

  afterAll(async () => {
    await system?.close();
  });

  /** A request as the proxy forwards it (prefix stripped, X-Forwarded-* set). */
  function viaProxy(path: string, headers: Record<string, string> = {}) {
    return fetch(`${origin}${path}`, { headers: { ...FORWARDED, ...headers }, redirect: 'manual' });
  }

  it('serves every route under API_PREFIX, /metrics and the dashboard under it', async () => {
    expect(system.apiUrl).toBe(`${origin}/some/prefix/api`);
    expect((await viaProxy('/some/prefix/api/health/live')).status).toBe(200);
    expect((await viaProxy('/api/health/live')).status).toBe(404);
    const status = await viaProxy('/some/prefix/api/workspaces/acme/integrations/github-mcp/status/', {
      authorization: `Bearer ${seeded.adminToken}`,
    });
    expect(status.status).toBe(200);
    expect((await viaProxy('/metrics')).status).toBe(200);
    expect((await viaProxy('/some/prefix/api/admin/queues/')).status).toBe(401);
  });

  it('completes the OAuth flow with a redirect_uri on the public URL', async () => {
    const authorize = await viaProxy(
      '/some/prefix/api/workspaces/acme/integrations/github-mcp/oauth/authorize',
      {
        authorization: `Bearer ${seeded.adminToken}`,
      },
    );
    expect(authorize.status).toBe(302);
    const url = new URL(authorize.headers.get('location') ?? '');
    const callbackUrl = `${PUBLIC}/some/prefix/api/auth/github/callback`;
    expect(url.searchParams.get('redirect_uri')).toBe(callbackUrl);
    const nonceCookie = authorize.headers.get('set-cookie') ?? '';
    expect(nonceCookie).toContain('Path=/lb/some/prefix/api/auth/github/;');
    expect(nonceCookie).toContain('; Secure');

    const consent = await fetch(url, { redirect: 'manual' }); // the simulated GitHub approves at once
    const back = new URL(consent.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(callbackUrl);
    // The browser follows it to the proxy, which forwards it without /lb.
    const callback = await viaProxy(`${back.pathname.slice('/lb'.length)}${back.search}`, {
      cookie: nonceCookie.split(';')[0] as string,
    });
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(
      `${PUBLIC}/console/#/connect?oauth=connected&login=octocat`,
    );
  });

  it('hands out public URLs in the OpenAPI document and the queue dashboard', async () => {
    const doc = (await (await viaProxy('/some/prefix/api/docs/openapi.json')).json()) as {
      servers: { url: string }[];
      paths: Json;
    };
    expect(doc.servers).toEqual([{ url: PUBLIC }]);
    expect(Object.keys(doc.paths).every((path) => path.startsWith('/some/prefix/api/'))).toBe(true);
    expect((await viaProxy('/some/prefix/api/docs')).status).toBe(200);

    const login = await viaProxy(`/some/prefix/api/admin/queues?token=${seeded.adminToken}`);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/lb/some/prefix/api/admin/queues/');
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('Path=/lb/some/prefix/api/admin/queues;');
    expect(cookie).toContain('; Secure');
    const page = await viaProxy('/some/prefix/api/admin/queues/', { cookie: cookie.split(';')[0] as string });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<base href="/lb/some/prefix/api/admin/queues/"');
  });
});
