import { describe, expect, it, beforeAll } from '@jest/globals';
import {
  type Rest,
  auditActions,
  editOnGitHub,
  jobConflicts,
  simIssue,
  sleep,
  syncQueue,
  synced,
  useOutboundSystem,
} from './outbound-helpers.js';
import { type TestSystem, waitFor } from './support/system.js';

describe('bidirectional: conflicting edits, per-field last writer wins (simulator over HTTP)', () => {
  let system: TestSystem;
  let api: Rest;
  let projectId: string;
  let issuesPath: string;

  useOutboundSystem((started) => ({ system, api, projectId, issuesPath } = started));

  describe('both sides edited before the write (held back with a paused queue)', () => {
    let target: { id: string; number: number };

    beforeAll(async () => {
      const { body } = await api.get(`${issuesPath}/?state=unstarted&per_page=100`);
      const found = (body.results as { id: string; github: { number: number } | null }[]).find(
        (i) => i.github && simIssue(system, i.github.number).state === 'open',
      );
      target = { id: found!.id, number: found!.github!.number };
    });

    async function held(edit: () => Promise<void>) {
      const queue = syncQueue(system);
      await queue.pause();
      try {
        await edit();
      } finally {
        await queue.resume();
        await queue.close();
      }
      return synced(api, projectId, target.id);
    }

    it('different fields: both edits are kept, no conflict', async () => {
      const conflicts = (await auditActions(system, 'github.sync.conflict')).length;
      const issue = await held(async () => {
        await api.patch(`${issuesPath}/${target.id}/`, { title: 'Local title' });
        editOnGitHub(system, target.number, { body: 'GitHub body' });
      });
      expect(issue).toMatchObject({ title: 'Local title', description: 'GitHub body' });
      expect(simIssue(system, target.number)).toMatchObject({ title: 'Local title', body: 'GitHub body' });
      expect(await auditActions(system, 'github.sync.conflict')).toHaveLength(conflicts);
    });

    it('same field, GitHub edited last: GitHub wins, recorded in the job result and the audit log', async () => {
      let jobId = '';
      const issue = await held(async () => {
        const patched = await api.patch(`${issuesPath}/${target.id}/`, { title: 'Local B' });
        jobId = String((patched.body.github_sync as Record<string, unknown>).job_id);
        await sleep(1100);
        editOnGitHub(system, target.number, { title: 'GitHub B' });
      });
      expect(issue.title).toBe('GitHub B');
      expect(simIssue(system, target.number).title).toBe('GitHub B');
      expect(await jobConflicts(system, jobId)).toEqual([
        expect.objectContaining({ field: 'title', winner: 'github', source: 'sync_issue' }),
      ]);
      expect((await auditActions(system, 'github.sync.conflict')).at(-1)).toMatchObject({
        field: 'title',
        winner: 'github',
        target_id: target.id,
      });
    });

    it('same field, edited locally last: the local edit wins and is written', async () => {
      const wonLocally = async () =>
        (await auditActions(system, 'github.sync.conflict')).filter(
          (c) => c.target_id === target.id && c.winner === 'local' && c.field === 'title',
        ).length;
      const before = await wonLocally();
      let jobId = '';
      const issue = await held(async () => {
        const gh = editOnGitHub(system, target.number, { title: 'GitHub C' });
        const githubAt = Date.parse(gh.updated_at);
        await waitFor('a clearly later local edit', async () =>
          Date.now() > githubAt + 1500 ? true : undefined,
        );
        const patched = await api.patch(`${issuesPath}/${target.id}/`, { title: 'Local C' });
        jobId = String((patched.body.github_sync as Record<string, unknown>).job_id);
      });
      expect(issue.title).toBe('Local C');
      expect(simIssue(system, target.number).title).toBe('Local C');
      expect(await jobConflicts(system, jobId)).toEqual([
        expect.objectContaining({ field: 'title', winner: 'local', source: 'sync_issue' }),
      ]);
      expect(await wonLocally()).toBe(before + 1);
    });
  });
});
