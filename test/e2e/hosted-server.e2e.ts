import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeHtmlEntities } from '#libs/github-mcp';
import { type SimTextEncoding, sanitize } from '../../apps/github-sim/src/index.js';
import { type Rest, detail, rest, setDirection, simIssue, syncNow, synced } from './outbound-helpers.js';
import { type TestSystem, seedWorkspace, startSystem, waitFor } from './support/system.js';

/** What a user typed on GitHub: literal entities, markup, a code block, emoji and invisible characters. */
const TYPED_TITLE = `Fix &amp; in the parser: Vec<T> "quoted" don't &#39; 😀`;
const TYPED_BODY = [
  'Literal `&lt;div&gt;` and &#39; & <b>markup</b> &lt;b&gt;',
  '```ts',
  'const ok = 1 < 2 && a > b;',
  '```',
  'emoji 😀 zero\u200bwidth',
].join('\n');
const TYPED_COMMENT = 'Comment with &amp; literal, <i>tag</i> & "quotes" 🚀';

type Variant = {
  encoding: SimTextEncoding;
  env: Record<string, string>;
  show: (typed: string) => string;
  structured: 'off' | 'both' | 'only';
};

const withoutInvisible = (text: string) => text.replaceAll('\u200b', '');
/**
 * What the workspace shows of typed text per server. The hosted server's plain text is the typed text
 * (minus invisible characters); the snapshot's escaping loses what its sanitiser removes (`<T>` is a tag
 * to it, a literal `&amp;` is indistinguishable from `&`), so there it is the snapshot's text decoded once.
 */
const VARIANTS: Variant[] = [
  { encoding: 'plain', env: {}, show: withoutInvisible, structured: 'only' },
  // #3215 was never released: its encoding is set, not detected.
  {
    encoding: 'plain-angles',
    env: { MCP_GITHUB_TEXT_ENCODING: 'verbatim-angles-escaped' },
    show: withoutInvisible,
    structured: 'both',
  },
  { encoding: 'escaped', env: {}, show: (typed) => decodeHtmlEntities(sanitize(typed)), structured: 'off' },
];

describe.each(VARIANTS)(
  'text through the $encoding server (simulator profile)',
  ({ encoding, env, show, structured }) => {
    let system: TestSystem;
    let api: Rest;
    let projectId: string;
    let number: number;
    let issueId: string;

    beforeAll(async () => {
      system = await startSystem({
        repos: [{ owner: 'acme', name: 'web', issues: 3, comments: 0, pullRequests: 0 }],
        profile: {
          textEncoding: encoding,
          updateIssueComment: encoding !== 'escaped',
          structuredContent: structured,
        },
        env: { SYNC_ISSUE_DEBOUNCE_MS: '100', ...env },
      });
      const { store } = system.sim;
      const repo = store.requireRepo('acme', 'web');
      const typed = store.createIssue(
        repo,
        { title: TYPED_TITLE, body: TYPED_BODY },
        store.ensureUser('mona'),
      );
      store.createComment(repo, typed.number, TYPED_COMMENT, store.ensureUser('mona'));
      // Closed: its close reason is read with issue_read get (structuredContent where the profile sends it).
      const mona = store.ensureUser('mona');
      store.updateIssue(repo, typed.number, { state: 'closed', state_reason: 'not_planned' }, mona);
      number = typed.number;
      const seeded = await seedWorkspace(system, ['acme/web']);
      projectId = seeded.projectId;
      api = rest(system.apiUrl, seeded.adminToken);
    });

    afterAll(async () => {
      await system?.close();
    });

    async function localIssue() {
      const { body } = await api.get(`/workspaces/acme/projects/${projectId}/issues/?per_page=100`);
      const found = (body.results as { id: string; github: { number: number } | null }[]).find(
        (i) => i.github?.number === number,
      );
      if (!found) throw new Error(`issue #${number} not synced`);
      return detail(api, projectId, found.id);
    }

    it('shows what the user typed on GitHub, as far as the server keeps it', async () => {
      expect((await syncNow(api)).status).toBe('completed');
      const issue = await localIssue();
      issueId = issue.id;
      expect(issue.title).toBe(show(TYPED_TITLE));
      expect(issue.description).toBe(show(TYPED_BODY));
      expect(issue.comments.map((c) => c.body)).toEqual([show(TYPED_COMMENT)]);
      if (encoding !== 'escaped') expect(issue.title).toBe(TYPED_TITLE);
      expect(issue.state).toBe('cancelled');
    });

    it('to_github: a local issue with the same texts reaches GitHub as typed, and the echo changes nothing', async () => {
      await setDirection(system, 'to_github');
      const created = await api.post(`/workspaces/acme/projects/${projectId}/issues/`, {
        title: TYPED_TITLE,
        description: TYPED_BODY,
      });
      expect(created.status).toBe(201);
      const linked = await synced(api, projectId, String(created.body.id));
      const onGitHub = () => simIssue(system, linked.github!.number);
      expect(onGitHub()).toMatchObject({ title: TYPED_TITLE, body: TYPED_BODY });
      await setDirection(system, 'bidirectional');
      expect((await syncNow(api)).status).toBe('completed');
      const after = await detail(api, projectId, String(created.body.id));
      expect([after.title, after.description]).toEqual([TYPED_TITLE, TYPED_BODY]);
      expect(onGitHub()).toMatchObject({ title: TYPED_TITLE, body: TYPED_BODY });
    });

    it('a round trip through the workspace changes nothing on GitHub', async () => {
      await setDirection(system, 'bidirectional');
      const before = simIssue(system, number);
      const [title, body] = [before.title, before.body];
      const patched = await api.patch(`/workspaces/acme/projects/${projectId}/issues/${issueId}/`, {
        labels: ['round-trip'],
      });
      expect(patched.status).toBe(200);
      await synced(api, projectId, issueId);
      expect(simIssue(system, number)).toMatchObject({ title, body, labels: ['round-trip'] });
      expect((await syncNow(api)).status).toBe('completed');
      expect(simIssue(system, number)).toMatchObject({ title, body });
      const comments = system.sim.store.repo('acme', 'web')!.commentsOf(number);
      expect(comments.map((c) => c.body)).toEqual([TYPED_COMMENT]);
      expect((await localIssue()).title).toBe(show(TYPED_TITLE));
    });

    it('writes a local comment edit to GitHub when the server offers update_issue_comment', async () => {
      const issue = await localIssue();
      const comment = issue.comments[0]!;
      const edited = 'Edited here & kept: `a<b>` &amp; 🚀';
      const answer = await api.patch(
        `/workspaces/acme/projects/${projectId}/issues/${issueId}/comments/${comment.id}/`,
        { body: edited },
      );
      expect(answer.status).toBe(200);
      const onGitHub = () => system.sim.store.repo('acme', 'web')!.commentsOf(number)[0]?.body;
      if (encoding === 'escaped') {
        await waitFor('the warning', async () => {
          const { github_outbound: o } = await localIssue();
          return o.warnings.some((w) => w['kind'] === 'comment_edit_not_writable') ? true : undefined;
        });
        expect(onGitHub()).toBe(TYPED_COMMENT);
        return;
      }
      await waitFor('the edit on GitHub', async () => {
        const o = (await localIssue()).github_outbound;
        return o.pending_comment_edits === 0 && onGitHub() === edited ? true : undefined;
      });
      const calls = system.sim.stats.snapshot().byTool['update_issue_comment'];
      expect(calls).toBe(1);
      // The echo (webhook-free here: the next page) changes nothing, and nothing is written again.
      expect((await syncNow(api)).status).toBe('completed');
      expect((await localIssue()).comments.map((c) => c.body)).toEqual([edited]);
      expect(system.sim.stats.snapshot().byTool['update_issue_comment']).toBe(1);
    });

    it("a comment GitHub changed after the local edit keeps GitHub's text (last writer wins)", async () => {
      if (encoding === 'escaped') return;
      const queue = (await import('./outbound-helpers.js')).syncQueue(system);
      await queue.pause();
      try {
        const issue = await localIssue();
        const comment = issue.comments[0]!;
        await api.patch(`/workspaces/acme/projects/${projectId}/issues/${issueId}/comments/${comment.id}/`, {
          body: 'local edit that loses',
        });
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const { store } = system.sim;
        const repo = store.requireRepo('acme', 'web');
        const ghComment = repo.commentsOf(number)[0]!;
        store.updateComment(repo, ghComment.id, 'GitHub edit that wins', store.ensureUser('mona'));
      } finally {
        await queue.resume();
        await queue.close();
      }
      await waitFor('GitHub to win', async () => {
        const now = await localIssue();
        return now.github_outbound.pending_comment_edits === 0 ? now : undefined;
      });
      expect((await localIssue()).comments.map((c) => c.body)).toEqual(['GitHub edit that wins']);
      expect(system.sim.store.repo('acme', 'web')!.commentsOf(number)[0]?.body).toBe('GitHub edit that wins');
    });
  },
);
