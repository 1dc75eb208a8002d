import type { GitHubSyncJob, MemberRole, Project } from '../prisma-types.js';
import {
  type CommentWithLink,
  GITHUB_MCP_PROVIDER,
  type IssueDetailReads,
  type IssueWithRelations,
  type LiveToken,
  type ReadExecutor,
  type SyncStatusReads,
  type TokenPrincipal,
  type Row,
  comment,
  date,
  dateOrNull,
  integrationSummary,
  issue,
  job,
  outbound,
  repositorySync,
  str,
} from './read-rows.js';
import * as sql from './read-statements.js';
import type { ReadStatement } from './read-statements.js';
import type { IssueState } from '#libs/issues';

/**
 * The hot read routes' queries on the pg pool (prepared statements, see read-statements.ts), answering in
 * the shapes the Prisma repositories return. Every lookup is scoped by workspace as the repositories' are.
 */
export class ReadQueries {
  constructor(private readonly run: ReadExecutor) {}

  private rows(statement: ReadStatement): Promise<Row[]> {
    return this.run(statement.query, statement.name);
  }

  async principal(tokenHash: string, now = new Date()): Promise<TokenPrincipal | null> {
    return (await this.liveToken(tokenHash, now))?.principal ?? null;
  }

  /** The principal of a live token and when the token expires (null: never). */
  async liveToken(tokenHash: string, now = new Date()): Promise<LiveToken | null> {
    const [r] = await this.rows(sql.principal(tokenHash, now));
    if (!r) return null;
    const principal: TokenPrincipal = {
      tokenId: str(r.token_id),
      userId: str(r.user_id),
      workspaceId: str(r.workspace_id),
      workspaceSlug: str(r.slug),
      role: r.role as MemberRole,
    };
    return { principal, expiresAt: dateOrNull(r.expires_at) };
  }

  /** The sync status view's rows in one statement; null when the workspace has no integration. */
  async statusView(workspaceId: string, recentJobs: number): Promise<SyncStatusReads | null> {
    const [r] = await this.rows(sql.statusView(workspaceId, GITHUB_MCP_PROVIDER, recentJobs));
    if (!r) return null;
    return {
      integration: integrationSummary(r),
      repositories: (r.repositories as Row[]).map(repositorySync),
      recent: (r.recent as Row[]).map(job),
      active: (r.active as Row[]).map(job),
    };
  }

  async recentJobs(integrationId: string, limit: number): Promise<GitHubSyncJob[]> {
    return (await this.rows(sql.recentJobs(integrationId, limit))).map(job);
  }

  /** A job of the workspace's GitHub integration with its repository's "owner/name"; null when none. */
  async jobView(
    workspaceId: string,
    jobId: string,
  ): Promise<{ job: GitHubSyncJob; repository: string | null } | null> {
    const [r] = await this.rows(sql.jobView(workspaceId, GITHUB_MCP_PROVIDER, jobId));
    if (!r) return null;
    return { job: job(r), repository: r.repo_owner ? `${str(r.repo_owner)}/${str(r.repo_name)}` : null };
  }

  async project(workspaceId: string, projectId: string): Promise<Project | null> {
    const [r] = await this.rows(sql.project(projectId, workspaceId));
    if (!r) return null;
    return {
      id: str(r.id),
      workspaceId: str(r.workspace_id),
      name: str(r.name),
      identifier: str(r.identifier),
      issueSequence: r.issue_sequence as number,
      createdAt: date(r.created_at),
      updatedAt: date(r.updated_at),
    };
  }

  async issuePage(query: {
    workspaceId: string;
    projectId: string;
    state?: IssueState | undefined;
    page: number;
    perPage: number;
  }): Promise<{ items: IssueWithRelations[]; total: number }> {
    const offset = (query.page - 1) * query.perPage;
    const [r] = await this.rows(
      sql.issueList(query.workspaceId, query.projectId, query.state ?? null, query.perPage, offset),
    );
    return { items: ((r?.items ?? []) as Row[]).map(issue), total: (r?.total as number | undefined) ?? 0 };
  }

  /**
   * The issue's detail view from one statement (one snapshot): the issue, one page of its live comments
   * (oldest first) with how many it has in all, and what it still owes GitHub; null when there is no such issue.
   */
  async issueDetail(
    workspaceId: string,
    projectId: string,
    issueId: string,
    page: number,
    perPage: number,
  ): Promise<IssueDetailReads | null> {
    const offset = (page - 1) * perPage;
    const [r] = await this.rows(sql.issueDetail(issueId, workspaceId, projectId, perPage, offset));
    if (!r) return null;
    const found = issue(r);
    const items = (r.comments as Row[]).map(comment);
    return { issue: found, comments: { items, total: found._count.comments }, outbound: outbound(r) };
  }

  /** One live comment of the issue with its GitHub link; null when there is none. */
  async comment(issueId: string, commentId: string): Promise<CommentWithLink | null> {
    const [r] = await this.rows(sql.comment(issueId, commentId));
    return r ? comment(r) : null;
  }
}
