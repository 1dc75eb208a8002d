import { describe, expect, it } from '@jest/globals';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { GitHubMcpClientFactory, GitHubMcpModule } from '#libs/github-mcp';
import { me } from './support/fixtures.js';
import { jsonResult, startFakeMcpServer } from './support/fake-mcp-server.js';

describe('GitHubMcpModule', () => {
  it('forRoot provides the factory and closes its connections on shutdown', async () => {
    const server = await startFakeMcpServer();
    server.setTool('get_me', () => jsonResult(me));
    const moduleRef = await Test.createTestingModule({
      imports: [
        GitHubMcpModule.forRoot({ serverUrl: server.url, timeoutMs: 5000, maxRetries: 0, retryDelayMs: 1 }),
      ],
    }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter());
    await app.init();
    const factory = app.get(GitHubMcpClientFactory);
    await expect(factory.forToken('ghp_nest').getMe()).resolves.toMatchObject({ login: 'octocat' });
    expect(factory.openConnections).toBe(1);
    await app.close();
    expect(factory.openConnections).toBe(0);
    await server.close();
  });

  it('forRootAsync builds the options from injected providers', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        GitHubMcpModule.forRootAsync({
          useFactory: () => ({
            serverUrl: 'http://127.0.0.1:9/mcp/',
            timeoutMs: 1000,
            maxRetries: 1,
            retryDelayMs: 1,
          }),
        }),
      ],
    }).compile();
    expect(moduleRef.get(GitHubMcpClientFactory)).toBeInstanceOf(GitHubMcpClientFactory);
    await moduleRef.close();
  });
});
