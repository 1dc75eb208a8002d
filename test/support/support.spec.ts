import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { repoRoot } from '../../scripts/lib/paths.js';
import { databaseExists, query } from '../../scripts/lib/pg.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { requireTestEnv } from './env.js';
import { startEntry, stopAllEntries } from './process.js';
import { createTestRedis } from './redis.js';

function migrationNames(): string[] {
  const dir = path.join(repoRoot, 'prisma', 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('test environment', () => {
  it('explains how to run tests when a variable is missing', () => {
    expect(() => requireTestEnv(['DATABASE_URL', 'REDIS_URL'], {})).toThrow(
      /DATABASE_URL, REDIS_URL are not set: run tests through `npm test`/,
    );
    expect(requireTestEnv(['REDIS_URL'], { REDIS_URL: 'redis://x' })).toEqual({ REDIS_URL: 'redis://x' });
  });
});

describe('createTestDatabase', () => {
  const databases: TestDatabase[] = [];
  const create = async (): Promise<TestDatabase> => {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  };
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('clones the template with every migration applied', async () => {
    const { url } = await create();
    const rows = await query<{ migration_name: string }>(
      url,
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames());
  });

  it('gives every caller its own database: rows written in one are not seen in another', async () => {
    const [a, b] = await Promise.all([create(), create()]);
    expect(a.name).not.toEqual(b.name);
    for (const { url } of [a, b]) await query(url, 'CREATE TABLE support_probe (value text)');
    await query(a.url, "INSERT INTO support_probe VALUES ('only in a')");
    expect(await query(a.url, 'SELECT value FROM support_probe')).toEqual([{ value: 'only in a' }]);
    expect(await query(b.url, 'SELECT value FROM support_probe')).toEqual([]);
    // …and the template is untouched for the next clone.
    const c = await create();
    expect(await query(c.url, "SELECT to_regclass('public.support_probe') AS t")).toEqual([{ t: null }]);
  });

  it('drop() removes the database, even with connections open', async () => {
    const database = await createTestDatabase();
    const { DATABASE_URL } = requireTestEnv(['DATABASE_URL']);
    const open = query(database.url, 'SELECT pg_sleep(30)').catch(() => 'terminated');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await database.drop();
    expect(await databaseExists(DATABASE_URL, database.name)).toBe(false);
    expect(await open).toBe('terminated');
  });
});

describe('createTestRedis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(requireTestEnv(['REDIS_URL']).REDIS_URL);
  });
  afterAll(() => redis.disconnect());

  it('gives every caller its own prefix; cleanup deletes only its own keys (BullMQ included)', async () => {
    const a = createTestRedis();
    const b = createTestRedis();
    expect(a.prefix).not.toEqual(b.prefix);
    const queue = new Queue('support-probe', { connection: { url: a.url }, prefix: a.prefix });
    await queue.add('probe', { n: 1 });
    await queue.close();
    await redis.set(`${b.prefix}:kept`, 'b');
    await redis.set(`{${a.prefix}}:hash-tagged`, 'a');
    expect((await redis.keys(`${a.prefix}:support-probe:*`)).length).toBeGreaterThan(0);
    expect(await redis.keys(`${b.prefix}:*`)).toEqual([`${b.prefix}:kept`]);

    await a.cleanup();
    expect(await redis.keys(`*${a.prefix}*`)).toEqual([]);
    expect(await redis.get(`${b.prefix}:kept`)).toBe('b');
    await b.cleanup();
    expect(await redis.keys(`*${b.prefix}*`)).toEqual([]);
  });
});

describe('startEntry', () => {
  afterAll(() => stopAllEntries());

  it('runs a built entry with args and env, and stops it', async () => {
    const entry = startEntry('test/support/fixtures/echo', { args: ['x', 'y'], env: { ECHO_VALUE: '42' } });
    await expect(entry.waitForOutput('ready')).resolves.toContain('ready args=x,y value=42');
    expect(await entry.stop()).toBe(0);
    expect(entry.output()).toContain('stopping');
  });
});
