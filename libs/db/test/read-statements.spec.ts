import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ReadQueries } from '#libs/db';
import * as statements from '../src/reads/read-statements.js';
import { type TestDatabase, createTestDatabase } from '../../../test/support/database.js';

const id = () => randomUUID();
const at = (ms: number) => new Date(ms);

/** Every read statement, called twice with different values (the state filter both null and set). */
const calls: [string, statements.ReadStatement, statements.ReadStatement][] = [
  ['principal', statements.principal('token-hash-one', at(1)), statements.principal('token-hash-two', at(2))],
  [
    'statusView',
    statements.statusView(id(), 'github_mcp', 10),
    statements.statusView(id(), 'other_provider', 5),
  ],
  ['recentJobs', statements.recentJobs(id(), 10), statements.recentJobs(id(), 5)],
  [
    'jobView',
    statements.jobView(id(), 'github_mcp', 'job-one'),
    statements.jobView(id(), 'other_provider', 'job-two'),
  ],
  ['project', statements.project(id(), id()), statements.project(id(), id())],
  [
    'issueList',
    statements.issueList(id(), id(), null, 50, 0),
    statements.issueList(id(), id(), 'done', 5, 10),
  ],
  [
    'issueDetail',
    statements.issueDetail(id(), id(), id(), 50, 0),
    statements.issueDetail(id(), id(), id(), 10, 20),
  ],
  ['comment', statements.comment(id(), id()), statements.comment(id(), id())],
];

describe('read statements (prepared under their names)', () => {
  it('covers every statement of read-statements.ts', () => {
    const exported = Object.entries(statements).filter(([, value]) => typeof value === 'function');
    expect(calls.map(([name]) => name).sort()).toEqual(exported.map(([name]) => name).sort());
  });

  it.each(calls)('%s has one text under one name, whatever its values; values are parameters', (_, a, b) => {
    expect(a.name).toMatch(/^reads\.[a-z_]+$/);
    expect(b.name).toBe(a.name);
    expect(b.query.text).toBe(a.query.text);
    expect(a.query.values).not.toEqual(b.query.values);
    for (const value of a.query.values) {
      if (typeof value === 'string') expect(a.query.text).not.toContain(value);
    }
  });

  it('gives every statement its own name', () => {
    const names = calls.map(([, a]) => a.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('ReadQueries on a real Postgres (each statement prepared, then run again)', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let reads: ReadQueries;
  const prepared: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 1 });
    reads = new ReadQueries(async (query, name) => {
      prepared.push(name);
      return (await pool.query<Record<string, unknown>>({ name, text: query.text, values: query.values }))
        .rows;
    });
  });

  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('answers empty results for unknown ids, twice on one connection (state filter null, then set)', async () => {
    const [ws, project, issue] = [id(), id(), id()];
    for (const state of [undefined, 'done'] as const) {
      expect(await reads.principal('no-such-token')).toBeNull();
      expect(await reads.statusView(ws, 10)).toBeNull();
      expect(await reads.recentJobs(id(), 10)).toEqual([]);
      expect(await reads.jobView(ws, 'no-such-job')).toBeNull();
      expect(await reads.project(ws, project)).toBeNull();
      const page = { workspaceId: ws, projectId: project, state, page: 2, perPage: 10 };
      expect(await reads.issuePage(page)).toEqual({ items: [], total: 0 });
      expect(await reads.issueDetail(ws, project, issue, 1, 50)).toBeNull();
      expect(await reads.comment(issue, id())).toBeNull();
    }
    expect(new Set(prepared)).toEqual(new Set(calls.map(([, a]) => a.name)));
  });
});
