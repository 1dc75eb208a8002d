import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Rest, detail, rest } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem } from './support/system.js';

const NUL = '\u0000';

/** Postgres text cannot hold U+0000: a NUL in any text of an issue or comment write is a 400, not a 500. */
describe('NUL characters in issue and comment text', () => {
  let system: TestSystem;
  let api: Rest;
  let projectId: string;
  let path: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [], worker: false });
    const seeded = await seedWorkspace(system, []);
    projectId = seeded.projectId;
    api = rest(system.apiUrl, seeded.memberToken);
    path = `/workspaces/acme/projects/${projectId}/issues`;
  });

  afterAll(async () => {
    await system?.close();
  });

  const total = async () => Number((await api.get(`${path}/`)).body.total);

  it('refuses a NUL in any text of a new issue, naming the field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ title: `a${NUL}b` }, 'title'],
      [{ title: 'ok', description: `x${NUL}` }, 'description'],
      [{ title: 'ok', labels: ['fine', `bug${NUL}`] }, 'labels.1'],
      [{ title: 'ok', assignees: [`octo${NUL}cat`] }, 'assignees.0'],
      [{ title: 'ok', milestone: `v1${NUL}` }, 'milestone'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(`${path}/`, body);
      expect({ field, res }).toEqual({
        field,
        res: {
          status: 400,
          body: { error: expect.objectContaining({ field, message: expect.stringContaining(field) }) },
        },
      });
    }
    expect(await total()).toBe(0);
  });

  it('refuses a NUL in an issue update or a comment, naming the field, and changes nothing', async () => {
    const created = await api.post(`${path}/`, { title: 'clean', description: 'before' });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    const comment = await api.post(`${path}/${id}/comments/`, { body: 'first' });
    expect(comment.status).toBe(201);
    const commentId = String(comment.body.id);

    const answers = [
      await api.patch(`${path}/${id}/`, { title: 'new', description: `after${NUL}` }),
      await api.post(`${path}/${id}/comments/`, { body: `second${NUL}` }),
      await api.patch(`${path}/${id}/comments/${commentId}/`, { body: `edited${NUL}` }),
    ];
    expect(answers.map((a) => [a.status, (a.body.error as { field?: string } | undefined)?.field])).toEqual([
      [400, 'description'],
      [400, 'body'],
      [400, 'body'],
    ]);
    const after = await detail(api, projectId, id);
    expect(after).toMatchObject({ title: 'clean', description: 'before' });
    expect(after.comments.map((c) => c.body)).toEqual(['first']);
    expect(await total()).toBe(1);
  });
});
