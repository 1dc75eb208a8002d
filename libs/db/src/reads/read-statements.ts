import { Prisma } from '../prisma-types.js';

/**
 * The SQL of the hot read routes (token lookup, status, job detail, issue list and detail), run as named
 * prepared statements on the pg pool: parsed and planned once per connection, no query engine in between.
 * Each statement is a function of its parameters composed with `Prisma.sql` (values are always template
 * parameters), so its text is the same on every call and can be prepared under its name. Every statement
 * lists its result columns, so a schema change only re-plans it. Shared by the API (through ReadQueries on
 * PrismaService's pool) and `npm run bench:api`'s floor.
 */
export interface ReadStatement {
  /** The prepared statement's name: `reads.<name>`. */
  name: string;
  query: Prisma.Sql;
}

function named<A extends unknown[]>(name: string, build: (...args: A) => Prisma.Sql) {
  return (...args: A): ReadStatement => ({ name: `reads.${name}`, query: build(...args) });
}

/** A token that is neither revoked nor expired, of a user who is still a member of its workspace. */
export const principal = named(
  'principal',
  (tokenHash: string, now: Date) => Prisma.sql`
    SELECT t.id AS token_id, t.user_id, t.workspace_id, w.slug, m.role::text AS role, t.expires_at
    FROM api_tokens t
    JOIN workspaces w ON w.id = t.workspace_id
    JOIN workspace_members m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
    WHERE t.token_hash = ${tokenHash} AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${now})`,
);

export const integration = named(
  'integration',
  (workspaceId: string, provider: string) => Prisma.sql`
    SELECT id, provider, auth_kind::text AS auth_kind, status::text AS status, status_message, github_login,
      scopes, installation_id::text AS installation_id, created_at, updated_at
    FROM workspace_integrations WHERE workspace_id = ${workspaceId} AND provider = ${provider}`,
);

export const repositorySyncs = named(
  'repository_syncs',
  (integrationId: string) => Prisma.sql`
    SELECT s.id, s.project_id, s.direction::text AS direction, s.enabled, s.sync_interval_seconds,
      s.label_filter, s.state_mapping, s.include_comments, s.include_pull_requests, s.last_cursor,
      s.last_synced_at, r.owner, r.name, r.github_id::text AS github_id, r.private, p.name AS project_name
    FROM github_repository_syncs s
    JOIN github_repositories r ON r.id = s.repository_id
    JOIN projects p ON p.id = s.project_id
    WHERE s.workspace_integration_id = ${integrationId}
    ORDER BY s.created_at`,
);

const JOB_COLUMNS = Prisma.sql`j.id, j.job_id, j.workspace_id, j.workspace_integration_id,
  j.repository_sync_id, j.status::text AS status, j.direction::text AS direction, j.trigger::text AS trigger,
  j."full", j.items_total, j.items_synced, j.items_failed, j.checkpoint, j.started_at, j.completed_at,
  j.error_message, j.error_details, j.filters, j.metadata, j.version, j.created_at, j.updated_at`;

/** The integration's queued and running jobs, oldest first. */
export const activeJobs = named(
  'active_jobs',
  (integrationId: string) => Prisma.sql`
    SELECT ${JOB_COLUMNS} FROM github_sync_jobs j
    WHERE j.workspace_integration_id = ${integrationId} AND j.status IN ('queued', 'running')
    ORDER BY j.created_at`,
);

export const recentJobs = named(
  'recent_jobs',
  (integrationId: string, limit: number) => Prisma.sql`
    SELECT ${JOB_COLUMNS} FROM github_sync_jobs j
    WHERE j.workspace_integration_id = ${integrationId} ORDER BY j.created_at DESC LIMIT ${limit}`,
);

/** One job of the workspace's GitHub integration, with its repository's owner/name (null once disconnected). */
export const jobView = named(
  'job_view',
  (workspaceId: string, provider: string, jobId: string) => Prisma.sql`
    SELECT ${JOB_COLUMNS}, r.owner AS repo_owner, r.name AS repo_name
    FROM github_sync_jobs j
    JOIN workspace_integrations i ON i.id = j.workspace_integration_id
    LEFT JOIN github_repository_syncs s ON s.id = j.repository_sync_id
    LEFT JOIN github_repositories r ON r.id = s.repository_id
    WHERE i.workspace_id = ${workspaceId} AND i.provider = ${provider} AND j.job_id = ${jobId}`,
);

export const project = named(
  'project',
  (projectId: string, workspaceId: string) => Prisma.sql`
    SELECT id, workspace_id, name, identifier, issue_sequence, created_at, updated_at
    FROM projects WHERE id = ${projectId} AND workspace_id = ${workspaceId}`,
);

/** An issue with its label names, assignees, live comment count and GitHub link. */
const ISSUE_SELECT = Prisma.sql`SELECT i.id, i.workspace_id, i.project_id, i.sequence_id, i.title,
    i.description, i.state::text AS state, i.priority::text AS priority, i.milestone, i.created_by_id,
    i.created_at, i.updated_at, i.completed_at, i.deleted_at,
    ARRAY(SELECT l.name FROM issue_labels il JOIN labels l ON l.id = il.label_id WHERE il.issue_id = i.id)
      AS label_names,
    (SELECT json_agg(json_build_object('login', a.github_login, 'user_id', a.user_id))
       FROM issue_assignees a WHERE a.issue_id = i.id) AS assignees,
    (SELECT count(*)::int FROM issue_comments c WHERE c.issue_id = i.id AND c.deleted_at IS NULL)
      AS comment_count,
    g.github_number, g.github_url, g.github_updated_at, g.last_synced_at, r.owner AS repo_owner,
    r.name AS repo_name
  FROM issues i
  LEFT JOIN github_issue_syncs g ON g.issue_id = i.id
  LEFT JOIN github_repository_syncs s ON s.id = g.repository_sync_id
  LEFT JOIN github_repositories r ON r.id = s.repository_id`;

/** The project's live issues, in the given state when it is not null. */
function issueScope(workspaceId: string, projectId: string, state: string | null): Prisma.Sql {
  return Prisma.sql`i.workspace_id = ${workspaceId} AND i.project_id = ${projectId} AND i.deleted_at IS NULL
    AND (${state}::"IssueState" IS NULL OR i.state = ${state}::"IssueState")`;
}

export const issuePage = named(
  'issue_page',
  (workspaceId: string, projectId: string, state: string | null, limit: number, offset: number) =>
    Prisma.sql`${ISSUE_SELECT}
      WHERE ${issueScope(workspaceId, projectId, state)}
      ORDER BY i.sequence_id LIMIT ${limit} OFFSET ${offset}`,
);

export const issueCount = named(
  'issue_count',
  (workspaceId: string, projectId: string, state: string | null) => Prisma.sql`
    SELECT count(*)::int AS n FROM issues i WHERE ${issueScope(workspaceId, projectId, state)}`,
);

export const issue = named(
  'issue',
  (issueId: string, workspaceId: string, projectId: string) => Prisma.sql`${ISSUE_SELECT}
    WHERE i.id = ${issueId} AND i.workspace_id = ${workspaceId} AND i.project_id = ${projectId}
      AND i.deleted_at IS NULL`,
);

const COMMENT_SELECT = Prisma.sql`SELECT c.id, c.workspace_id, c.issue_id, c.body, c.author_id,
    c.author_login, c.created_at, c.updated_at, c.deleted_at, g.github_id::text AS github_id
  FROM issue_comments c LEFT JOIN github_comment_syncs g ON g.comment_id = c.id`;

/** One page of an issue's live comments, oldest first, with the GitHub comment id when linked. */
export const commentsPage = named(
  'comments_page',
  (issueId: string, limit: number, offset: number) => Prisma.sql`${COMMENT_SELECT}
    WHERE c.issue_id = ${issueId} AND c.deleted_at IS NULL
    ORDER BY c.created_at, c.id LIMIT ${limit} OFFSET ${offset}`,
);

/** One live comment of an issue with the GitHub comment id when linked. */
export const comment = named(
  'comment',
  (issueId: string, commentId: string) => Prisma.sql`${COMMENT_SELECT}
    WHERE c.id = ${commentId} AND c.issue_id = ${issueId} AND c.deleted_at IS NULL`,
);

export const commentCount = named(
  'comment_count',
  (issueId: string) => Prisma.sql`
    SELECT count(*)::int AS n FROM issue_comments WHERE issue_id = ${issueId} AND deleted_at IS NULL`,
);

/** What an issue still owes GitHub: its outbound row (if any), unsent comments, edits not yet written. */
export const outboundStatus = named(
  'outbound_status',
  (issueId: string) => Prisma.sql`
    SELECT o.dirty_fields, o.pending_state, o.last_error, o.warnings, o.last_pushed_at,
      (SELECT count(*)::int FROM issue_comments c WHERE c.issue_id = ${issueId} AND c.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM github_comment_syncs g WHERE g.comment_id = c.id)) AS unsent,
      (SELECT count(*)::int FROM github_comment_outbound co JOIN issue_comments c ON c.id = co.comment_id
         WHERE co.issue_id = ${issueId} AND co.edited_after_push AND c.deleted_at IS NULL) AS edits
    FROM (SELECT 1) AS one LEFT JOIN github_issue_outbound o ON o.issue_id = ${issueId}`,
);
