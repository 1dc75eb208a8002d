import { describe, expect, it } from '@jest/globals';
import { type Seeded, useIntegrationApi } from './integration-api.js';

type Json = Record<string, unknown>;

describe('repositories reachable and connect settings (admin API)', () => {
  let seeded: Seeded;

  const { admin, member } = useIntegrationApi((started) => ({ seeded } = started));

  it('lists what the connected identity can reach via MCP, paginated, with a connected flag (members may read)', async () => {
    const own = await member('/repositories/');
    expect(own.status).toBe(200);
    expect(own.json).toMatchObject({
      owner: 'octocat',
      total: 1,
      results: [{ full_name: 'octocat/hello', connected: false }],
    });
    const page1 = await member('/repositories/?owner=acme&per_page=2');
    const page2 = await member('/repositories/?owner=acme&per_page=2&page=2');
    expect(page1.json).toMatchObject({ owner: 'acme', page: 1, per_page: 2, total: 3 });
    const names = [...(page1.json.results as Json[]), ...(page2.json.results as Json[])].map(
      (r) => r.full_name,
    );
    expect(names.sort()).toEqual(['acme/api', 'acme/docs', 'acme/web']);
    expect(
      ((await member('/repositories/?owner=acme&q=doc')).json.results as Json[]).map((r) => r.full_name),
    ).toEqual(['acme/docs']);
    expect((await member('/repositories/?per_page=500')).json).toMatchObject({
      error: { field: 'per_page' },
    });
    expect((await member('/repositories/?owner=nobody-here')).status).toBe(400);
  });

  it('validates connect settings and accepts all three directions', async () => {
    const body = { repository: 'acme/api', project_id: seeded.projectId };
    const bad: [Json, string][] = [
      [{ ...body, direction: 'sideways' }, 'direction'],
      [{ ...body, sync_interval_seconds: 5 }, 'sync_interval_seconds'],
      [{ ...body, state_mapping: { open: 'done' } }, 'state_mapping.open'],
      [{ ...body, state_mapping: { open: 'started', closed: 'done' } }, 'state_mapping'],
      [{ ...body, label_filter: ['bug', 'BUG'] }, 'label_filter'],
      [{ ...body, include_comments: 'yes' }, 'include_comments'],
      [{ ...body, project_id: '00000000-0000-4000-8000-000000000000' }, 'project_id'],
      [{ ...body, repository: 'acme/missing' }, 'repository'],
      [{ repository: 'acme/api' }, 'project_id'],
      [{ ...body, extra: 1 }, ''],
    ];
    for (const [input, field] of bad) {
      const answer = await admin('/connect/', { method: 'POST', body: input });
      expect({ input, status: answer.status }).toEqual({ input, status: 400 });
      if (field) expect(answer.json).toMatchObject({ error: { field } });
    }
    for (const direction of ['to_github', 'bidirectional']) {
      const answer = await admin('/connect/', {
        method: 'POST',
        body: { ...body, direction, enabled: false },
      });
      expect(answer.status).toBeLessThan(300);
      expect(answer.json).toMatchObject({
        repository: { full_name: 'acme/api', direction, enabled: false },
        sync_job: null,
      });
    }
    expect((await member('/connect/', { method: 'POST', body })).status).toBe(403);
  });
});
