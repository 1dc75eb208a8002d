import { afterAll, describe, expect, it } from '@jest/globals';
import { startEntry, stopAllEntries } from '../support/process.js';

const VALID = {
  DATABASE_URL: 'postgres://gms@127.0.0.1:1/gms',
  REDIS_URL: 'redis://127.0.0.1:1',
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
  LOG_LEVEL: 'error',
  API_PORT: '0',
  WORKER_PORT: '0',
};

const ENTRIES = ['apps/api/src/main', 'apps/worker/src/main'];

/** The real built entries (`npm test` builds dist/ first) started with a broken environment. */
async function failsWith(entry: string, env: Record<string, string>): Promise<string> {
  const proc = startEntry(entry, { env: { ...VALID, ...env } });
  const code = await proc.exited;
  expect({ code, output: proc.output() }).toMatchObject({ code: 1 });
  expect(proc.output()).toContain('Invalid configuration:');
  return proc.output();
}

describe('configuration is validated at start (built api and worker entries)', () => {
  afterAll(stopAllEntries);

  it.each(ENTRIES)('%s exits 1 naming a missing variable', async (entry) => {
    const output = await failsWith(entry, { DATABASE_URL: '', ENCRYPTION_KEY: '' });
    expect(output).toContain('DATABASE_URL is required');
    expect(output).toContain('ENCRYPTION_KEY is required');
  });

  it.each(ENTRIES)('%s exits 1 naming a bad value', async (entry) => {
    const output = await failsWith(entry, {
      REDIS_URL: 'http://127.0.0.1:6379',
      WORKER_PORT: 'ninety',
      SHUTDOWN_TIMEOUT: '-1',
      TRUST_PROXY: 'true',
    });
    expect(output).toMatch(/TRUST_PROXY [^;]*hop count/);
    expect(output).toContain('REDIS_URL must start with redis or rediss');
    expect(output).toMatch(/WORKER_PORT [^;]+/);
    expect(output).toMatch(/SHUTDOWN_TIMEOUT [^;]+/);
    expect(output).not.toContain('DATABASE_URL');
  });

  it('names rules that span variables', async () => {
    const output = await failsWith('apps/api/src/main', { GITHUB_CLIENT_ID: 'Iv1.abc' });
    expect(output).toContain('GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET must be set together');
  });
});
