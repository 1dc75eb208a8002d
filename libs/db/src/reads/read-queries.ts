import type {
  GitHubRepositorySync,
  GitHubSyncJob,
  MemberRole,
  Project,
  WorkspaceIntegration,
} from '../prisma-types.js';
import {
  type CommentWithLink,
  GITHUB_MCP_PROVIDER,
  type IntegrationSummary,
  type IssueWithRelations,
  type LiveToken,
  type OutboundStatus,
  type ReadExecutor,
  type RepositorySyncSummary,
  type TokenPrincipal,
  type Row,
  bigOrNull,
  comment,
  date,
  dateOrNull,
  issue,
  job,
  str,
  strOrNull,
} from './read-rows.js';
import * as sql from './read-statements.js';
import type { ReadStatement } from './read-statements.js';
import type { IssueState, SyncDirection } from '#libs/issues';

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

  async integration(workspaceId: string): Promise<IntegrationSummary | null> {
    const [r] = await this.rows(sql.integration(workspaceId, GITHUB_MCP_PROVIDER));
    if (!r) return null;
    return {
      id: str(r.id),
      provider: str(r.provider),
      authKind: r.auth_kind as WorkspaceIntegration['authKind'],
      status: r.status as WorkspaceIntegration['status'],
      statusMessage: strOrNull(r.status_message),
      githubLogin: strOrNull(r.github_login),
      scopes: r.scopes as string[],
      installationId: bigOrNull(r.installation_id),
      createdAt: date(r.created_at),
      updatedAt: date(r.updated_at),
    };
  }

  async repositorySyncs(integrationId: string): Promise<RepositorySyncSummary[]> {
    const rows = await this.rows(sql.repositorySyncs(integrationId));
    return rows.map((r) => ({
      id: str(r.id),
      projectId: str(r.project_id),
      direction: r.direction as SyncDirection,
      enabled: r.enabled as boolean,
      syncIntervalSeconds: r.sync_interval_seconds as number,
      labelFilter: r.label_filter as string[],
      stateMapping: r.state_mapping as GitHubRepositorySync['stateMapping'],
      includeComments: r.include_comments as boolean,
      includePullRequests: r.include_pull_requests as boolean,
      lastCursor: dateOrNull(r.last_cursor),
      lastSyncedAt: dateOrNull(r.last_synced_at),
      repository: {
        owner: str(r.owner),
        name: str(r.name),
        githubId: BigInt(str(r.github_id)),
        private: r.private as boolean,
      },
      project: { name: str(r.project_name) },
    }));
  }

  async activeJobs(integrationId: string): Promise<GitHubSyncJob[]> {
    return (await this.rows(sql.activeJobs(integrationId))).map(job);
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
    const scope = [query.workspaceId, query.projectId, query.state ?? null] as const;
    const [rows, count] = await Promise.all([
      this.rows(sql.issuePage(...scope, query.perPage, (query.page - 1) * query.perPage)),
      this.rows(sql.issueCount(...scope)),
    ]);
    return { items: rows.map(issue), total: (count[0]?.n as number | undefined) ?? 0 };
  }

  async issue(workspaceId: string, projectId: string, issueId: string): Promise<IssueWithRelations | null> {
    const [r] = await this.rows(sql.issue(issueId, workspaceId, projectId));
    return r ? issue(r) : null;
  }

  /** One page of an issue's live comments (oldest first) and how many it has in all. */
  async commentsPage(
    issueId: string,
    page: number,
    perPage: number,
  ): Promise<{ items: CommentWithLink[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.rows(sql.commentsPage(issueId, perPage, (page - 1) * perPage)),
      this.rows(sql.commentCount(issueId)),
    ]);
    return { items: rows.map(comment), total: (count[0]?.n as number | undefined) ?? 0 };
  }

  /** One live comment of the issue with its GitHub link; null when there is none. */
  async comment(issueId: string, commentId: string): Promise<CommentWithLink | null> {
    const [r] = await this.rows(sql.comment(issueId, commentId));
    return r ? comment(r) : null;
  }

  async outboundStatus(issueId: string): Promise<OutboundStatus> {
    const [r = {}] = await this.rows(sql.outboundStatus(issueId));
    return {
      pendingFields: Object.keys((r.dirty_fields ?? {}) as object).sort(),
      pendingState: strOrNull(r.pending_state),
      pendingComments: r.unsent as number,
      pendingCommentEdits: r.edits as number,
      lastError: strOrNull(r.last_error),
      warnings: (r.warnings ?? []) as unknown[],
      lastPushedAt: dateOrNull(r.last_pushed_at),
    };
  }
}
