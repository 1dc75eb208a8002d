import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { type AppConfig, ConfigModule, loadConfig } from '#libs/config';
import {
  DbModule,
  IntegrationAdminRepository,
  IntegrationCredentialRepository,
  type WorkspaceIntegration,
  WorkspaceRepository,
} from '#libs/db';
import { GitHubMcpClientFactory } from '#libs/github-mcp';
import { SecretCipher, SecretsModule, accessTokenBinding } from '#libs/secrets';
import { type RunningSimulator, startSimulator } from '../../../apps/github-sim/src/index.js';
import { type TestDatabase, createTestDatabase, testPool } from '../../../test/support/database.js';
import {
  IntegrationTokenProvider,
  IntegrationTokensModule,
  createInstallationTokenMinter,
} from '../src/index.js';

const APP_ID = '31337';
const INSTALLATION = 4242n;

describe('IntegrationTokenProvider with a GitHub App (real RSA key, simulator, Postgres)', () => {
  let sim: RunningSimulator;
  let database: TestDatabase;
  let config: AppConfig;
  const contexts: INestApplicationContext[] = [];
  let db: pg.Pool;
  const keys = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });

  async function context() {
    const ctx = await NestFactory.createApplicationContext(
      {
        module: class TokenTestModule {},
        imports: [ConfigModule.forRoot(config), DbModule, SecretsModule, IntegrationTokensModule],
      },
      { logger: ['error'] },
    );
    contexts.push(ctx);
    return ctx;
  }

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, repos: [{ owner: 'acme', name: 'web', issues: 2, comments: 0 }] });
    sim.oauth.registerApp(APP_ID, keys.publicKey);
    sim.oauth.addInstallation(APP_ID, { id: Number(INSTALLATION), account: 'acme' });
    database = await createTestDatabase();
    db = testPool(database.url, 1);
    config = loadConfig({
      DATABASE_URL: database.url,
      REDIS_URL: 'redis://127.0.0.1:1',
      ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
      GITHUB_APP_ID: APP_ID,
      // base64 of a PKCS#1 PEM, as GitHub hands keys out
      GITHUB_APP_PRIVATE_KEY: Buffer.from(keys.privateKey).toString('base64'),
      GITHUB_API_BASE_URL: sim.url,
      MCP_GITHUB_SERVER_URL: sim.mcpUrl,
    });
  });

  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await db?.end();
    await database?.drop();
    await sim?.close();
  });

  async function linkedIntegration(
    ctx: INestApplicationContext,
    slug: string,
  ): Promise<WorkspaceIntegration> {
    const workspace = await ctx.get(WorkspaceRepository).create(slug, slug);
    const minted = await ctx.get(IntegrationTokenProvider).installationToken(INSTALLATION);
    return ctx.get(IntegrationCredentialRepository).linkInstallation({
      workspaceId: workspace.id,
      installationId: INSTALLATION,
      accountLogin: 'acme',
      sealAccessToken: (id) => ctx.get(SecretCipher).encrypt(minted.token, accessTokenBinding(id)),
      tokenExpiresAt: minted.expiresAt,
    });
  }

  it('mints an installation token signed with the app key; concurrent callers share one mint; it works for MCP', async () => {
    const ctx = await context();
    const provider = ctx.get(IntegrationTokenProvider);
    const before = sim.oauth.minted.length;
    const tokens = await Promise.all(
      Array.from({ length: 8 }, () => provider.installationToken(INSTALLATION)),
    );
    expect(new Set(tokens.map((t) => t.token)).size).toBe(1);
    expect(sim.oauth.minted.length).toBe(before + 1);
    expect(tokens[0]?.token).toMatch(/^ghs_/);

    const integration = await linkedIntegration(ctx, 'one');
    const bearer = await provider.tokenFor(integration);
    expect(bearer).toBe(tokens[0]?.token);
    const factory = new GitHubMcpClientFactory({ ...config.mcp, clientName: 'spec' });
    const found = await factory
      .forToken(bearer)
      .searchRepositories({ query: 'user:acme', page: 1, perPage: 10 });
    expect(found.items.map((r) => r.full_name)).toEqual(['acme/web']);
    await factory.closeAll();

    const { rows } = await db.query<{ token: string }>(
      'SELECT access_token_encrypted AS token FROM workspace_integrations WHERE id = $1',
      [integration.id],
    );
    expect(rows[0]?.token).toMatch(/^v2:k1:/);
    expect(rows[0]?.token).not.toContain(bearer);
  });

  it('another process reuses the fresh token stored (encrypted) on the integration instead of minting', async () => {
    const other = await context();
    const integration = await other.get(IntegrationAdminRepository).findByInstallation(INSTALLATION);
    const before = sim.oauth.minted.length;
    const token = await other.get(IntegrationTokenProvider).tokenFor(integration[0] as WorkspaceIntegration);
    expect(token).toMatch(/^ghs_/);
    expect(sim.oauth.minted.length).toBe(before);
  });

  it('refreshes a token with less than 60 s left: every call mints while GitHub hands out 30-second tokens', async () => {
    const ctx = await context();
    const provider = ctx.get(IntegrationTokenProvider);
    sim.oauth.installationTokenTtlSeconds = 30;
    try {
      await db.query(
        'UPDATE workspace_integrations SET token_expires_at = now() WHERE installation_id = $1',
        [INSTALLATION.toString()],
      );
      const before = sim.oauth.minted.length;
      const first = await provider.installationToken(INSTALLATION);
      const second = await provider.installationToken(INSTALLATION);
      expect(second.token).not.toBe(first.token);
      expect(sim.oauth.minted.length).toBe(before + 2);
    } finally {
      sim.oauth.installationTokenTtlSeconds = 3600;
    }
    const fresh = await provider.installationToken(INSTALLATION);
    expect((await provider.installationToken(INSTALLATION)).token).toBe(fresh.token);
  });

  it('decrypts stored OAuth / personal tokens and refuses disconnected integrations', async () => {
    const ctx = await context();
    const workspace = await ctx.get(WorkspaceRepository).create('pat', 'pat');
    const integration = await ctx.get(IntegrationCredentialRepository).saveTokenCredentials({
      workspaceId: workspace.id,
      authKind: 'token',
      sealAccessToken: (id) =>
        ctx.get(SecretCipher).encrypt('ghp_stored0000000000000000000000000000', accessTokenBinding(id)),
      githubLogin: 'octocat',
      githubUserId: 1n,
      scopes: [],
    });
    const provider = ctx.get(IntegrationTokenProvider);
    expect(await provider.tokenFor(integration)).toBe('ghp_stored0000000000000000000000000000');
    const { integration: gone } = await ctx
      .get(IntegrationAdminRepository)
      .disconnect(integration.id, 'test');
    await expect(provider.tokenFor(gone)).rejects.toThrow(/disconnected/);
    expect(gone.accessTokenEncrypted).toBeNull();
  });

  it('reports an installation the app cannot access, or a key GitHub does not know, as a 4xx-class error', async () => {
    const mint = createInstallationTokenMinter({ appId: APP_ID, privateKey: keys.privateKey }, sim.url);
    await expect(mint(999n)).rejects.toMatchObject({ kind: 'invalid', field: 'installation_id' });
    const stranger = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const wrongKey = createInstallationTokenMinter(
      { appId: APP_ID, privateKey: stranger.privateKey },
      sim.url,
    );
    await expect(wrongKey(INSTALLATION)).rejects.toMatchObject({ kind: 'invalid' });
  });
});
