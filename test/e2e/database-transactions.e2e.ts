import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type TestDatabase, createTestDatabase } from '../support/database.js';
import { startEntry } from '../support/process.js';

/** What the fixture (test/support/fixtures/transaction-overlap.ts) printed, run on its own database. */
async function probe(database: TestDatabase, mode: 'prisma' | 'raw'): Promise<Record<string, unknown>> {
  const entry = startEntry('test/support/fixtures/transaction-overlap', {
    args: [mode],
    env: { DATABASE_URL: database.url },
  });
  const code = await entry.exited;
  const lines = entry.output().trim().split('\n');
  expect({ code, output: code === 0 ? '' : entry.output() }).toEqual({ code: 0, output: '' });
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
}

/**
 * A transaction's statements reach its one pg connection one at a time (libs/db/src/serial-transactions.ts),
 * even where Prisma issues them together: pg deprecates handing a busy connection more (pg 9 rejects it).
 */
describe('database transactions: one statement at a time on the connection', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('includes, parallel statements and a failing one inside transactions: no pg overlap warning', async () => {
    expect(await probe(database, 'prisma')).toEqual({
      included: ['API', 'WEB'],
      order: [1, 2, 3, 4, 5], // started together, run in the order issued
      failure: expect.stringContaining('division by zero'),
      after: ['API', 'WEB'], // rolled back, and the statements after the failed one did not hang
      overlaps: [],
    });
  });

  it('(control) three queries handed to one pg client at once: the warning the probe listens for', async () => {
    const raw = await probe(database, 'raw');
    expect(raw).toEqual({ answers: [1, 2, 3], overlaps: [expect.stringContaining('pg@9.0')] });
  });
});
