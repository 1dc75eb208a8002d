import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ReadQueries } from '#libs/db';
import * as statements from '../src/reads/read-statements.js';
import { type TestDatabase, createTestDatabase, testPool } from '../../../test/support/database.js';

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
    pool = testPool(database.url, 1);
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

  it('status_view gives the same jobs as JSON as recent_jobs gives as columns (dates, JSON, numbers)', async () => {
    const [ws, integration] = [id(), id()];
    await pool.query(`INSERT INTO workspaces (id, slug, name, updated_at) VALUES ($1, $2, 'W', now())`, [
      ws,
      `ws-${ws.slice(0, 8)}`,
    ]);
    await pool.query(
      `INSERT INTO workspace_integrations (id, workspace_id, auth_kind, scopes, installation_id, created_at,
         updated_at) VALUES ($1, $2, 'app', '{repo,read:org}', 9007199254740993, $3, $3)`,
      [integration, ws, at(1_700_000_000_123)],
    );
    const jobs: [string, string, number, unknown][] = [
      ['completed', 'job-a', 1_700_000_001_001, null],
      ['running', 'job-b', 1_700_000_002_999, { page: 3, cursor: 'c<&>"', nested: [1, 2.5, null] }],
      ['queued', 'job-c', 1_700_000_003_500, null],
    ];
    for (const [status, jobId, ms, checkpoint] of jobs) {
      await pool.query(
        `INSERT INTO github_sync_jobs (id, job_id, workspace_id, workspace_integration_id, status, direction,
           trigger, items_total, checkpoint, started_at, error_details, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'from_github', 'manual', 40, $6, $7, $8, $7, $7)`,
        [
          id(),
          jobId,
          ws,
          integration,
          status,
          checkpoint,
          at(ms),
          status === 'completed' ? { why: 'x' } : null,
        ],
      );
    }
    const view = await reads.statusView(ws, 10);
    const columns = await reads.recentJobs(integration, 10);
    expect(view?.recent).toEqual(columns);
    expect(view?.active).toEqual(columns.filter((j) => j.status !== 'completed').reverse());
    expect(view?.recent[1]?.startedAt).toEqual(at(1_700_000_002_999));
    expect(view?.integration).toMatchObject({
      id: integration,
      authKind: 'app',
      scopes: ['repo', 'read:org'],
      installationId: 9007199254740993n,
      createdAt: at(1_700_000_000_123),
    });
    expect(view?.repositories).toEqual([]);
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
