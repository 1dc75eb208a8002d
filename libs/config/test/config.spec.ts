import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../src/index.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
const base = {
  DATABASE_URL: 'postgres://u@localhost/db',
  REDIS_URL: 'redis://localhost:6379',
  ENCRYPTION_KEY: KEY,
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(base);
    expect(config.mcp).toEqual({
      serverUrl: 'https://api.githubcopilot.com/mcp/',
      timeoutMs: 30_000,
      maxRetries: 3,
      retryDelayMs: 1000,
      textEncoding: 'auto',
      toolsets: ['context', 'repos', 'issues', 'pull_requests'],
    });
    expect(config.sync).toMatchObject({ enabled: true, maxBatchSize: 100, defaultIntervalSeconds: 300 });
    expect(config.api.prefix).toBe('api');
    expect(config.api.idempotencyLeaseMs).toBe(60_000);
    expect(config.secrets.keys.get('k1')).toHaveLength(32);
    expect(config.database).toEqual({ statementTimeoutMs: 30_000, connectTimeoutMs: 10_000 });
  });

  it('takes the database timeouts, naming a bad value', () => {
    const env = { ...base, DATABASE_STATEMENT_TIMEOUT_MS: '2500', DATABASE_CONNECT_TIMEOUT_MS: '4000' };
    expect(loadConfig(env).database).toEqual({ statementTimeoutMs: 2500, connectTimeoutMs: 4000 });
    expect(problemsOf({ ...base, DATABASE_STATEMENT_TIMEOUT_MS: '0' })[0]).toMatch(
      /^DATABASE_STATEMENT_TIMEOUT_MS /,
    );
    expect(problemsOf({ ...base, DATABASE_CONNECT_TIMEOUT_MS: 'soon' })[0]).toMatch(
      /^DATABASE_CONNECT_TIMEOUT_MS /,
    );
  });

  it("takes the worker's heap growing percent (0: V8 decides), naming a bad value", () => {
    expect(loadConfig(base).worker.heapGrowingPercent).toBe(100);
    expect(loadConfig({ ...base, WORKER_HEAP_GROWING_PERCENT: '0' }).worker.heapGrowingPercent).toBe(0);
    expect(problemsOf({ ...base, WORKER_HEAP_GROWING_PERCENT: '500' })[0]).toMatch(
      /^WORKER_HEAP_GROWING_PERCENT /,
    );
  });

  it('names each missing variable', () => {
    expect(problemsOf({})).toEqual(
      expect.arrayContaining([
        'DATABASE_URL is required',
        'REDIS_URL is required',
        'ENCRYPTION_KEY is required',
      ]),
    );
  });

  it('names bad values', () => {
    const problems = problemsOf({ ...base, REDIS_URL: 'http://x', GITHUB_MCP_MAX_SYNC_BATCH_SIZE: '500' });
    expect(problems.some((p) => p.startsWith('REDIS_URL '))).toBe(true);
    expect(problems.some((p) => p.startsWith('GITHUB_MCP_MAX_SYNC_BATCH_SIZE '))).toBe(true);
    expect(problemsOf({ ...base, ENCRYPTION_KEY: 'short' })[0]).toMatch(/^ENCRYPTION_KEY must be 32 bytes/);
    expect(problemsOf({ ...base, ENABLE_GITHUB_MCP_INTEGRATION: 'maybe' })[0]).toMatch(
      /^ENABLE_GITHUB_MCP_INTEGRATION /,
    );
  });

  it('takes the MCP server text encoding and toolsets, naming a bad value', () => {
    expect(
      loadConfig({ ...base, MCP_GITHUB_TEXT_ENCODING: 'verbatim', MCP_GITHUB_TOOLSETS: 'issues,repos' }).mcp,
    ).toMatchObject({ textEncoding: 'verbatim', toolsets: ['issues', 'repos'] });
    expect(loadConfig({ ...base, MCP_GITHUB_TOOLSETS: '' }).mcp.toolsets).toEqual([]);
    expect(problemsOf({ ...base, MCP_GITHUB_TEXT_ENCODING: 'html' })[0]).toMatch(
      /^MCP_GITHUB_TEXT_ENCODING /,
    );
    expect(problemsOf({ ...base, MCP_GITHUB_TOOLSETS: 'issues, repos;x' })[0]).toMatch(
      /^MCP_GITHUB_TOOLSETS /,
    );
  });

  it('keeps the queue dashboard closed and read-only unless configured', () => {
    expect(loadConfig(base)).toMatchObject({ queueDashboardWorkspaces: [], queueDashboardReadOnly: true });
    expect(
      loadConfig({ ...base, QUEUE_DASHBOARD_WORKSPACES: ' ops, acme ,', QUEUE_DASHBOARD_READ_ONLY: 'false' }),
    ).toMatchObject({ queueDashboardWorkspaces: ['ops', 'acme'], queueDashboardReadOnly: false });
    expect(problemsOf({ ...base, QUEUE_DASHBOARD_READ_ONLY: 'maybe' })[0]).toMatch(
      /^QUEUE_DASHBOARD_READ_ONLY /,
    );
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses, and refuses true', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: ' 2 ' }).trustProxy).toBe(2);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8,2001:db8::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '2001:db8::1',
    ]);
    for (const all of ['true', 'TRUE', 'yes', 'on']) {
      expect(problemsOf({ ...base, TRUST_PROXY: all })).toEqual([
        expect.stringMatching(/^TRUST_PROXY .*hop count.*TRUST_PROXY=1/),
      ]);
    }
    for (const bad of ['10.0.0.0/33', 'proxy.example.com', '1.2.3', '-1', '1.5', 'loopback,,']) {
      expect({ bad, problems: problemsOf({ ...base, TRUST_PROXY: bad }) }).toEqual({
        bad,
        problems: [expect.stringMatching(/^TRUST_PROXY /)],
      });
    }
  });

  it('requires paired GitHub credentials', () => {
    expect(problemsOf({ ...base, GITHUB_CLIENT_ID: 'id' })).toEqual([
      'GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET must be set together',
    ]);
    expect(problemsOf({ ...base, GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: 'nope' })).toEqual([
      'GITHUB_APP_PRIVATE_KEY must be a PEM private key or its base64 encoding',
    ]);
  });

  it('accepts several webhook secrets and old encryption keys for rotation', () => {
    const old = Buffer.alloc(32, 1).toString('hex');
    const config = loadConfig({ ...base, GITHUB_WEBHOOK_SECRET: 'a, b', ENCRYPTION_OLD_KEYS: `k0:${old}` });
    expect(config.github.webhookSecrets).toEqual(['a', 'b']);
    expect([...config.secrets.keys.keys()].sort()).toEqual(['k0', 'k1']);
  });

  it('takes the previous encryption key, validated like ENCRYPTION_KEY', () => {
    const previous = Buffer.alloc(32, 7);
    const config = loadConfig({ ...base, ENCRYPTION_KEY_PREVIOUS: previous.toString('base64') });
    expect([...config.secrets.keys.entries()]).toEqual([
      ['(previous)', previous],
      ['k1', expect.any(Buffer)],
    ]);
    expect(problemsOf({ ...base, ENCRYPTION_KEY_PREVIOUS: 'short' })).toEqual([
      expect.stringMatching(/^ENCRYPTION_KEY_PREVIOUS must be 32 bytes/),
    ]);
  });
});
