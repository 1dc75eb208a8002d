import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubMcpClientFactory, type ListIssuesItem } from '#libs/github-mcp';
import { DEFAULT_SIM_TOKEN } from '../../apps/github-sim/src/index.js';
import { type TestSystem, http, seedWorkspace, startSystem, waitFor } from './support/system.js';

const REPO = { owner: 'acme', name: 'web', issues: 1000, comments: 3000, pullRequests: 10 };
const TRICKY_TITLE = `Tom & Jerry's "quote": 1 < 2 > 0`;
const TRICKY_BODY = `Fish & chips, don't "panic" when a < b > c\nsecond line`;

type Json = Record<string, unknown>;
interface IssueView {
  title: string;
  description: string;
  state: string;
  labels: string[];
  comment_count: number;
  github: { number: number; url: string; repository: string };
}

describe('sync from GitHub (simulator → MCP → worker → Postgres → REST)', () => {
  let system: TestSystem;
  let seeded: Awaited<ReturnType<typeof seedWorkspace>>;
  let api: ReturnType<typeof http>;
  let base: string;

  beforeAll(async () => {
    system = await startSystem({ repos: [REPO] });
    const created = await fetch(`${system.sim.url}/_admin/repos/acme/web/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: TRICKY_TITLE, body: TRICKY_BODY, labels: ['bug'] }),
    });
    expect(created.status).toBeLessThan(300);
    seeded = await seedWorkspace(system, ['acme/web']);
    api = http(system.apiUrl, seeded.adminToken);
    base = `/workspaces/${seeded.slug}/integrations/github-mcp`;
  });

  afterAll(async () => {
    await system?.close();
  });

  async function finished(jobId: string): Promise<Json> {
    return waitFor(`job ${jobId}`, async () => {
      const { body } = await api.get(`${base}/sync-jobs/${jobId}/`);
      return ['completed', 'failed'].includes(String(body.status)) ? body : undefined;
    });
  }

  async function counts() {
    const { rows } = await system.db.query<{
      issues: string;
      comments: string;
      links: string;
      labels: string;
    }>(`
      SELECT (SELECT count(*) FROM issues) AS issues, (SELECT count(*) FROM issue_comments) AS comments,
             (SELECT count(*) FROM github_issue_syncs) AS links, (SELECT count(*) FROM labels) AS labels`);
    return rows[0];
  }

  async function allApiIssues(): Promise<IssueView[]> {
    const out: IssueView[] = [];
    for (let page = 1; ; page += 1) {
      const { status, body } = await api.get(
        `/workspaces/acme/projects/${seeded.projectId}/issues/?per_page=100&page=${page}`,
      );
      expect(status).toBe(200);
      out.push(...(body.results as IssueView[]));
      if (out.length >= Number(body.total)) return out;
    }
  }

  it('fails the job with a message when GitHub fails mid-sync, and a retry completes it without duplicates', async () => {
    system.sim.faults.add({ tool: 'list_issues', mode: 'http_500', afterCalls: 3 });
    const first = await api.post(`${base}/sync/`, {});
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'queued' });

    const again = await api.post(`${base}/sync/`, {});
    expect(again.status).toBe(200);
    expect(again.body.job_id).toBe(first.body.job_id);

    const { body: status } = await api.get(`${base}/status/`);
    expect((status.current_sync_job as Json | null)?.job_id).toBe(first.body.job_id);

    const failed = await finished(String(first.body.job_id));
    expect(failed.status).toBe('failed');
    expect(String(failed.error_message)).toMatch(/list_issues|500|failed/i);
    const partial = await counts();
    expect(Number(partial?.issues)).toBeGreaterThan(0);
    expect(Number(partial?.issues)).toBeLessThan(REPO.issues + 1);

    system.sim.faults.clear();
    const retry = await api.post(`${base}/sync/`, {});
    expect(retry.status).toBe(202);
    const done = await finished(String(retry.body.job_id));
    expect(done).toMatchObject({ status: 'completed', items_failed: 0 });
    expect((done.metadata as Json).resumed_from).toBe(first.body.job_id);
    const after = await counts();
    expect(Number(after?.issues)).toBe(REPO.issues + 1);
    expect(Number(after?.links)).toBe(REPO.issues + 1);
    expect(Number(after?.comments)).toBe(REPO.comments);
  });

  it('lists exactly the GitHub issues through the API, text unescaped', async () => {
    const factory = new GitHubMcpClientFactory({
      serverUrl: system.sim.mcpUrl,
      timeoutMs: 10_000,
      maxRetries: 0,
      retryDelayMs: 10,
    });
    const client = factory.forToken(DEFAULT_SIM_TOKEN);
    const github: ListIssuesItem[] = [];
    let after: string | undefined;
    do {
      const page = await client.listIssues({
        owner: 'acme',
        repo: 'web',
        perPage: 100,
        ...(after ? { after } : {}),
      });
      github.push(...page.issues);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);

    const local = new Map((await allApiIssues()).map((i) => [i.github.number, i]));
    expect(local.size).toBe(github.length);
    for (const gh of github) {
      const mine = local.get(gh.number);
      expect(mine).toBeDefined();
      expect(mine?.title).toBe(gh.title);
      expect(mine?.description).toBe(gh.body ?? '');
      expect(mine?.labels).toEqual([...(gh.labels ?? [])].sort());
      expect(mine?.comment_count).toBe(gh.comments ?? 0);
      expect(mine?.github.url).toBe(`https://github.com/acme/web/issues/${gh.number}`);
      if (gh.state === 'OPEN') expect(mine?.state).toBe('unstarted');
      else expect(['done', 'cancelled']).toContain(mine?.state);
    }
    const closed = github.filter((g) => g.state === 'CLOSED').slice(0, 40);
    for (const gh of closed) {
      const reason = (await client.getIssue('acme', 'web', gh.number)).state_reason;
      expect(local.get(gh.number)?.state).toBe(
        reason === 'not_planned' || reason === 'duplicate' ? 'cancelled' : 'done',
      );
    }
    const tricky = [...local.values()].find((i) => i.title === TRICKY_TITLE);
    expect(tricky?.description).toBe(TRICKY_BODY);
    await factory.closeAll();
  });

  it('shows one issue with its comments and GitHub link', async () => {
    const { rows } = await system.db.query<{ id: string }>(
      `SELECT i.id FROM issues i JOIN github_issue_syncs s ON s.issue_id = i.id
       WHERE s.github_comment_count > 2 ORDER BY s.github_number LIMIT 1`,
    );
    const { status, body } = await api.get(
      `/workspaces/acme/projects/${seeded.projectId}/issues/${rows[0]?.id}/`,
    );
    expect(status).toBe(200);
    const comments = body.comments as Json[];
    expect(comments.length).toBe(body.comment_count);
    expect(comments[0]).toMatchObject({
      github_comment_id: expect.any(String),
      author_login: expect.any(String),
    });
    expect(body.github).toMatchObject({ repository: 'acme/web', number: expect.any(Number) });
  });

  it('running the sync again changes nothing', async () => {
    const before = await counts();
    const run = await api.post(`${base}/sync/`, { force: true });
    const done = await finished(String(run.body.job_id));
    expect(done.status).toBe('completed');
    expect((done.metadata as { summary: Json }).summary).toMatchObject({
      created: 0,
      updated: 0,
      comments_created: 0,
    });
    expect(await counts()).toEqual(before);
  });

  it('answers bad requests with a clear 4xx', async () => {
    expect((await http(system.apiUrl).get(`${base}/status/`)).status).toBe(401);
    expect((await api.get(`/workspaces/nope/integrations/github-mcp/status/`)).status).toBe(404);
    const badPage = await api.get(`/workspaces/acme/projects/${seeded.projectId}/issues/?per_page=1000`);
    expect(badPage.status).toBe(400);
    expect(badPage.body.error).toMatchObject({ field: 'per_page' });
    const badProject = await api.get(`/workspaces/acme/projects/not-a-uuid/issues/`);
    expect(badProject.body.error).toMatchObject({ field: 'project_id' });
    const badBody = await api.post(`${base}/sync/`, { repository: 'no slash' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error).toMatchObject({ field: 'repository' });
    const badDirection = await api.post(`${base}/sync/`, { direction: 'sideways' });
    expect(badDirection.status).toBe(400);
    expect(badDirection.body.error).toMatchObject({ field: 'direction' });
    const member = await http(system.apiUrl, seeded.memberToken).post(`${base}/sync/`, {});
    expect(member.status).toBe(403);
  });
});
