import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, dropDatabase, withDatabase } from '../../scripts/lib/pg.js';
import { requireTestEnv, workerId } from './env.js';

export interface TestDatabase {
  /** Connection URL of the new database (migrations already applied). */
  url: string;
  name: string;
  /** Drops the database, closing connections still open on it. */
  drop(): Promise<void>;
}

let sequence = 0;

const SOURCE_IN_USE = '55006'; // object_in_use: the template briefly had a connection

/**
 * A fresh database for one test file, cloned from the migrated template (`CREATE DATABASE … TEMPLATE`, a
 * file copy: milliseconds, not a migration run). Call `drop()` in afterAll; leftovers are removed when the
 * test run ends.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const env = requireTestEnv(['DATABASE_URL', 'TEST_TEMPLATE_DB']);
  const name = `${env.TEST_TEMPLATE_DB}_w${workerId()}_${randomBytes(3).toString('hex')}${++sequence}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await createDatabase(env.DATABASE_URL, name, env.TEST_TEMPLATE_DB);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== SOURCE_IN_USE || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  return {
    url: withDatabase(env.DATABASE_URL, name),
    name,
    drop: () => dropDatabase(env.DATABASE_URL, name),
  };
}

/**
 * A pg pool for a test's own queries on its database. `pool.end()` resolves before its connections have
 * closed, so the drop in afterAll (`WITH (FORCE)`) can still terminate one: that error, on a connection
 * the test is done with, must not fail the test file as an unhandled pool error.
 */
export function testPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  return pool;
}
