import { describe, expect, it } from '@jest/globals';
import { parseCli } from '../src/cli-args.js';
import { parseRepoSpec } from '../src/index.js';
import { call, connect, startTestSim } from './helpers.js';

describe('CLI arguments', () => {
  it('parses owner/name:issues:comments:prs specs', () => {
    expect(parseRepoSpec('acme/web:1000:3000:50')).toEqual({
      owner: 'acme',
      name: 'web',
      issues: 1000,
      comments: 3000,
      pullRequests: 50,
    });
    expect(parseRepoSpec('acme/web')).toEqual({ owner: 'acme', name: 'web' });
    expect(() => parseRepoSpec('acme:web')).toThrow('invalid --repos value');
  });

  it('reads flags (repeatable --repos) over the SIM_* environment fallbacks', () => {
    expect(
      parseCli(['--port', '4010', '--seed', '42', '--repos', 'acme/web:10:20:3', '--repos=acme/api:1'], {}),
    ).toEqual({
      port: 4010,
      host: '127.0.0.1',
      seed: 42,
      repos: [
        { owner: 'acme', name: 'web', issues: 10, comments: 20, pullRequests: 3 },
        { owner: 'acme', name: 'api', issues: 1 },
      ],
      profile: {},
      search: {},
    });
    expect(parseCli([], { SIM_PORT: '5000', SIM_SEED: '9', SIM_REPOS: 'a/b:1,c/d' })).toMatchObject({
      port: 5000,
      seed: 9,
      repos: [
        { owner: 'a', name: 'b', issues: 1 },
        { owner: 'c', name: 'd' },
      ],
    });
    expect(parseCli(['--port', '1'], { SIM_PORT: '5000' }).port).toBe(1);
    expect(() => parseCli(['--port', 'abc'], {})).toThrow('--port needs a non-negative integer');
    expect(() => parseCli(['--verbose'], {})).toThrow('unknown argument "--verbose"');
  });

  it('reads the server profile: --text-encoding, --structured-content, --update-issue-comment', () => {
    expect(
      parseCli(['--text-encoding', 'plain', '--structured-content=only', '--update-issue-comment'], {})
        .profile,
    ).toEqual({ textEncoding: 'plain', structuredContent: 'only', updateIssueComment: true });
    expect(parseCli([], { SIM_TEXT_ENCODING: 'plain-angles' }).profile).toEqual({
      textEncoding: 'plain-angles',
    });
    expect(() => parseCli(['--text-encoding', 'html'], {})).toThrow(
      '--text-encoding must be one of escaped, plain, plain-angles, got "html"',
    );
  });
});

describe('search settings on the CLI', () => {
  it('reads --search-lag-ms, --search-per-minute, --search-max-results and SIM_SEARCH_*; refuses 0 per minute', () => {
    expect(
      parseCli(['--search-lag-ms', '1500', '--search-per-minute=10', '--search-max-results', '200'], {})
        .search,
    ).toEqual({ lagMs: 1500, perMinute: 10, maxResults: 200 });
    expect(parseCli([], { SIM_SEARCH_LAG_MS: '30000', SIM_SEARCH_PER_MINUTE: '5' }).search).toEqual({
      lagMs: 30000,
      perMinute: 5,
    });
    expect(() => parseCli(['--search-per-minute', '0'], {})).toThrow(
      '--search-per-minute must be at least 1',
    );
  });
});

describe('startSimulator', () => {
  it('serves on a random port, registers extra token users, and closes', async () => {
    const sim = await startTestSim({ users: [{ login: 'hubot', token: 'ghu_' + 'h'.repeat(36) }] });
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.mcpUrl).toBe(`${sim.url}/mcp`);
    const client = await connect(sim, 'ghu_' + 'h'.repeat(36));
    expect(JSON.parse((await call(client, 'get_me', {})).text)).toMatchObject({ login: 'hubot' });
    await client.close();
    await sim.close();
    await expect(fetch(sim.mcpUrl, { method: 'POST' })).rejects.toThrow();
  });
});
