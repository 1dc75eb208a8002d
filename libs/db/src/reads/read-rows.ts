import type {
  GitHubRepository,
  GitHubRepositorySync,
  GitHubSyncJob,
  Issue,
  IssueComment,
  MemberRole,
  SyncJobStatus,
  SyncTrigger,
  WorkspaceIntegration,
} from '../prisma-types.js';
import type { Prisma } from '../prisma-types.js';
import type { IssuePriority, IssueState, SyncDirection } from '#libs/issues';

/**
 * Runs one statement as the prepared statement `name` on a pg pool and returns its rows (pg's parsing:
 * Date, parsed JSON, arrays; int8 as text). PrismaService.sql is one.
 */
export type ReadExecutor = (query: Prisma.Sql, name: string) => Promise<Record<string, unknown>[]>;

/** workspace_integrations.provider of the GitHub MCP integration (the only provider). */
export const GITHUB_MCP_PROVIDER = 'github_mcp';

export interface TokenPrincipal {
  tokenId: string;
  userId: string;
  workspaceId: string;
  workspaceSlug: string;
  role: MemberRole;
}

/** A live API token's principal and its expiry (null: never expires). */
export interface LiveToken {
  principal: TokenPrincipal;
  expiresAt: Date | null;
}

/** The integration's fields a status answer shows (never the token or webhook secret). */
export type IntegrationSummary = Pick<
  WorkspaceIntegration,
  | 'id'
  | 'provider'
  | 'authKind'
  | 'status'
  | 'statusMessage'
  | 'githubLogin'
  | 'scopes'
  | 'installationId'
  | 'createdAt'
  | 'updatedAt'
>;

/** A connected repository's sync settings with the repository's identity and the project's name. */
export type RepositorySyncSummary = Pick<
  GitHubRepositorySync,
  | 'id'
  | 'projectId'
  | 'direction'
  | 'enabled'
  | 'syncIntervalSeconds'
  | 'labelFilter'
  | 'stateMapping'
  | 'includeComments'
  | 'includePullRequests'
  | 'lastCursor'
  | 'lastSyncedAt'
> & {
  repository: Pick<GitHubRepository, 'owner' | 'name' | 'githubId' | 'private'>;
  project: { name: string };
};

/** What the sync status view shows: the integration, its repositories, its recent and active jobs. */
export interface SyncStatusReads {
  integration: IntegrationSummary;
  /** Oldest first. */
  repositories: RepositorySyncSummary[];
  /** Newest first. */
  recent: GitHubSyncJob[];
  /** Queued and running jobs, oldest first. */
  active: GitHubSyncJob[];
}

export type IssueWithRelations = Issue & {
  labels: { label: { name: string } }[];
  assignees: { githubLogin: string; userId: string | null }[];
  githubSync: {
    githubNumber: number;
    githubUrl: string;
    githubUpdatedAt: Date;
    lastSyncedAt: Date;
    repositorySync: { repository: { owner: string; name: string } };
  } | null;
  _count: { comments: number };
};

export type CommentWithLink = IssueComment & { githubSync: { githubId: bigint } | null };

export interface OutboundStatus {
  pendingFields: string[];
  pendingState: string | null;
  pendingComments: number;
  pendingCommentEdits: number;
  lastError: string | null;
  warnings: unknown[];
  lastPushedAt: Date | null;
}

/** An issue's detail view as one statement reads it: the issue, a page of its comments, what it owes GitHub. */
export interface IssueDetailReads {
  issue: IssueWithRelations;
  comments: { items: CommentWithLink[]; total: number };
  outbound: OutboundStatus;
}

export type Row = Record<string, unknown>;
export const str = (v: unknown) => v as string;
export const strOrNull = (v: unknown) => (v ?? null) as string | null;
/** A timestamp column: a Date from pg, or ISO text where the row was aggregated as JSON (json_agg). */
export const date = (v: unknown) => (v instanceof Date ? v : new Date(v as string));
export const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : date(v));
export const bigOrNull = (v: unknown) => (v === null || v === undefined ? null : BigInt(v as string));

export function job(r: Row): GitHubSyncJob {
  return {
    id: str(r.id),
    jobId: str(r.job_id),
    workspaceId: str(r.workspace_id),
    workspaceIntegrationId: str(r.workspace_integration_id),
    repositorySyncId: strOrNull(r.repository_sync_id),
    status: r.status as SyncJobStatus,
    direction: r.direction as SyncDirection,
    trigger: r.trigger as SyncTrigger,
    full: r.full as boolean,
    itemsTotal: r.items_total as number,
    itemsSynced: r.items_synced as number,
    itemsFailed: r.items_failed as number,
    checkpoint: (r.checkpoint ?? null) as GitHubSyncJob['checkpoint'],
    startedAt: dateOrNull(r.started_at),
    completedAt: dateOrNull(r.completed_at),
    errorMessage: strOrNull(r.error_message),
    errorDetails: (r.error_details ?? null) as GitHubSyncJob['errorDetails'],
    filters: r.filters as GitHubSyncJob['filters'],
    metadata: r.metadata as GitHubSyncJob['metadata'],
    version: r.version as number,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

export function issue(r: Row): IssueWithRelations {
  const assignees = (r.assignees ?? []) as { login: string; user_id: string | null }[];
  return {
    id: str(r.id),
    workspaceId: str(r.workspace_id),
    projectId: str(r.project_id),
    sequenceId: r.sequence_id as number,
    title: str(r.title),
    description: str(r.description),
    state: r.state as IssueState,
    priority: r.priority as IssuePriority,
    milestone: strOrNull(r.milestone),
    createdById: strOrNull(r.created_by_id),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    completedAt: dateOrNull(r.completed_at),
    deletedAt: dateOrNull(r.deleted_at),
    labels: (r.label_names as string[]).map((name) => ({ label: { name } })),
    assignees: assignees.map((a) => ({ githubLogin: a.login, userId: a.user_id })),
    githubSync:
      r.github_number === null
        ? null
        : {
            githubNumber: r.github_number as number,
            githubUrl: str(r.github_url),
            githubUpdatedAt: date(r.github_updated_at),
            lastSyncedAt: date(r.last_synced_at),
            repositorySync: { repository: { owner: str(r.repo_owner), name: str(r.repo_name) } },
          },
    _count: { comments: r.comment_count as number },
  };
}

export function comment(r: Row): CommentWithLink {
  return {
    id: str(r.id),
    workspaceId: str(r.workspace_id),
    issueId: str(r.issue_id),
    body: str(r.body),
    authorId: strOrNull(r.author_id),
    authorLogin: strOrNull(r.author_login),
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
    deletedAt: dateOrNull(r.deleted_at),
    githubSync: r.github_id === null ? null : { githubId: BigInt(str(r.github_id)) },
  };
}

export function integrationSummary(r: Row): IntegrationSummary {
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

export function repositorySync(r: Row): RepositorySyncSummary {
  return {
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
  };
}

/** What an issue still owes GitHub, from `issueDetail`'s columns (no outbound row: nothing pending). */
export function outbound(r: Row): OutboundStatus {
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
