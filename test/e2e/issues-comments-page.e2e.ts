import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Rest, rest } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

type Comment = { id: string; body: string };
const COMMENTS = 120;

/** GET …/issues/{issue_id}/ pages the comments instead of returning all of them (issue 17). */
describe('issue detail: comments in pages', () => {
  let system: TestSystem;
  let api: Rest;
  let path: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false });
    const seeded = await seedWorkspace(system, []);
    api = rest(system.apiUrl, seeded.memberToken);
    const created = await api.post(`/workspaces/acme/projects/${seeded.projectId}/issues/`, {
      title: 'Busy issue',
    });
    expect(created.status).toBe(201);
    path = `/workspaces/acme/projects/${seeded.projectId}/issues/${String(created.body.id)}/`;
    await system.db.query(
      `INSERT INTO issue_comments (id, workspace_id, issue_id, body, created_at, updated_at)
       SELECT gen_random_uuid(), i.workspace_id, i.id, 'comment ' || n,
              now() - interval '1 day' + n * interval '1 second', now()
       FROM issues i, generate_series(1, ${COMMENTS}) n WHERE i.id = $1`,
      [String(created.body.id)],
    );
  });

  afterAll(async () => {
    await system?.close();
  });

  const bodies = (body: Record<string, unknown>) => (body.comments as Comment[]).map((c) => c.body);
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `comment ${from + i}`);

  it('answers the first 50 comments by default with the total and the next page', async () => {
    const { status, body } = await api.get(path);
    expect(status).toBe(200);
    expect(bodies(body)).toEqual(range(1, 50));
    expect(body).toMatchObject({
      title: 'Busy issue',
      comment_count: COMMENTS,
      comments_total: COMMENTS,
      comments_page: 1,
      comments_per_page: 50,
      comments_next_page: 2,
    });
    expect(body.github_outbound).toBeDefined();
  });

  it('walks every comment with comments_page / comments_per_page, each exactly once', async () => {
    const seen: string[] = [];
    let page: number | null = 1;
    let calls = 0;
    while (page !== null && calls < 5) {
      const res = await api.get(`${path}?comments_page=${page}&comments_per_page=100`);
      expect(res.status).toBe(200);
      seen.push(...bodies(res.body));
      page = (res.body.comments_next_page as number | null | undefined) ?? null;
      calls += 1;
    }
    expect(calls).toBe(2);
    expect(seen).toEqual(range(1, COMMENTS));
    const last = await api.get(`${path}?comments_page=3&comments_per_page=50`);
    expect(bodies(last.body)).toEqual(range(101, 120));
    expect(last.body.comments_next_page).toBeNull();
    const beyond = await api.get(`${path}?comments_page=9`);
    expect(beyond.body).toMatchObject({ comments: [], comments_total: COMMENTS, comments_next_page: null });
  });

  it('answers an edited comment as itself (no GitHub link here); a comment of another issue is a 404', async () => {
    const first = ((await api.get(path)).body.comments as Comment[])[0]!;
    const edited = await api.patch(`${path}comments/${first.id}/`, { body: 'comment 1, edited' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: first.id, body: 'comment 1, edited', github_comment_id: null });
    const other = await api.post(path.replace(/[^/]+\/$/, ''), { title: 'Quiet issue' });
    expect(other.status).toBe(201);
    const otherPath = path.replace(/[^/]+\/$/, `${String(other.body.id)}/`);
    const elsewhere = await api.patch(`${otherPath}comments/${first.id}/`, { body: 'moved?' });
    expect(elsewhere.status).toBe(404);
    expect(bodies((await api.get(path)).body)[0]).toBe('comment 1, edited');
  });

  it('refuses more than 100 per page and unknown query parameters', async () => {
    expect((await api.get(`${path}?comments_per_page=101`)).status).toBe(400);
    expect((await api.get(`${path}?comments_page=0`)).status).toBe(400);
    expect((await api.get(`${path}?page=2`)).status).toBe(400);
  });

  it('documents the parameters in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${system.apiUrl}/docs/openapi.json`)).json()) as {
      paths: Record<string, { get?: { parameters?: { name: string }[] } }>;
    };
    const [, item] = Object.entries(doc.paths).find(([p]) => p.endsWith('/issues/{issueId}')) ?? [];
    expect(item?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['comments_page', 'comments_per_page']),
    );
  });
});
