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

const JOB_COLUMNS = Prisma.sql`j.id, j.job_id, j.workspace_id, j.workspace_integration_id,
  j.repository_sync_id, j.status::text AS status, j.direction::text AS direction, j.trigger::text AS trigger,
  j."full", j.items_total, j.items_synced, j.items_failed, j.checkpoint, j.started_at, j.completed_at,
  j.error_message, j.error_details, j.filters, j.metadata, j.version, j.created_at, j.updated_at`;

/** The newest `limit` jobs of an integration (a parameter, or a column of an enclosing query). */
function newestJobs(integration: string | Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT ${JOB_COLUMNS} FROM github_sync_jobs j
    WHERE j.workspace_integration_id = ${integration} ORDER BY j.created_at DESC LIMIT ${limit}`;
}

export const recentJobs = named('recent_jobs', (integrationId: string, limit: number) =>
  newestJobs(integrationId, limit),
);

/**
 * The sync status view in one statement (one round trip): the integration's summary columns, and as JSON
 * arrays its repositories (oldest first, with their repository and project names), its newest `limit` jobs
 * and its queued and running jobs (oldest first). No row when the workspace has no integration.
 */
export const statusView = named(
  'status_view',
  (workspaceId: string, provider: string, limit: number) => Prisma.sql`
    SELECT i.id, i.provider, i.auth_kind::text AS auth_kind, i.status::text AS status, i.status_message,
      i.github_login, i.scopes, i.installation_id::text AS installation_id, i.created_at, i.updated_at,
      (SELECT coalesce(json_agg(x ORDER BY x.created_at), '[]') FROM (
         SELECT s.id, s.project_id, s.direction::text AS direction, s.enabled, s.sync_interval_seconds,
           s.label_filter, s.state_mapping, s.include_comments, s.include_pull_requests, s.last_cursor,
           s.last_synced_at, r.owner, r.name, r.github_id::text AS github_id, r.private,
           p.name AS project_name, s.created_at
         FROM github_repository_syncs s
         JOIN github_repositories r ON r.id = s.repository_id
         JOIN projects p ON p.id = s.project_id
         WHERE s.workspace_integration_id = i.id) x) AS repositories,
      (SELECT coalesce(json_agg(x ORDER BY x.created_at DESC), '[]')
         FROM (${newestJobs(Prisma.sql`i.id`, limit)}) x) AS recent,
      (SELECT coalesce(json_agg(x ORDER BY x.created_at), '[]') FROM (
         SELECT ${JOB_COLUMNS} FROM github_sync_jobs j
         WHERE j.workspace_integration_id = i.id AND j.status IN ('queued', 'running')) x) AS active
    FROM workspace_integrations i WHERE i.workspace_id = ${workspaceId} AND i.provider = ${provider}`,
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

/** A page of the project's live issues by sequence number (JSON, `ISSUE_SELECT`'s columns) and their total. */
export const issueList = named(
  'issue_list',
  (workspaceId: string, projectId: string, state: string | null, limit: number, offset: number) =>
    Prisma.sql`
    SELECT (SELECT count(*)::int FROM issues i WHERE ${issueScope(workspaceId, projectId, state)}) AS total,
      (SELECT coalesce(json_agg(x ORDER BY x.sequence_id), '[]') FROM (${ISSUE_SELECT}
         WHERE ${issueScope(workspaceId, projectId, state)}
         ORDER BY i.sequence_id LIMIT ${limit} OFFSET ${offset}) x) AS items`,
);

const COMMENT_SELECT = Prisma.sql`SELECT c.id, c.workspace_id, c.issue_id, c.body, c.author_id,
    c.author_login, c.created_at, c.updated_at, c.deleted_at, g.github_id::text AS github_id
  FROM issue_comments c LEFT JOIN github_comment_syncs g ON g.comment_id = c.id`;

/** One live comment of an issue with the GitHub comment id when linked. */
export const comment = named(
  'comment',
  (issueId: string, commentId: string) => Prisma.sql`${COMMENT_SELECT}
    WHERE c.id = ${commentId} AND c.issue_id = ${issueId} AND c.deleted_at IS NULL`,
);

/**
 * An issue's detail view in one statement, so in one snapshot: the issue (`ISSUE_SELECT`'s columns), one
 * page of its live comments oldest first (JSON, `COMMENT_SELECT`'s columns) and what it still owes GitHub
 * (its outbound row if any, unsent comments, edits not yet written). No row when the project has no such
 * live issue.
 */
export const issueDetail = named(
  'issue_detail',
  (issueId: string, workspaceId: string, projectId: string, limit: number, offset: number) => Prisma.sql`
    WITH x AS (${ISSUE_SELECT}
      WHERE i.id = ${issueId} AND i.workspace_id = ${workspaceId} AND i.project_id = ${projectId}
        AND i.deleted_at IS NULL)
    SELECT x.*,
      (SELECT coalesce(json_agg(cp ORDER BY cp.created_at, cp.id), '[]') FROM (${COMMENT_SELECT}
         WHERE c.issue_id = x.id AND c.deleted_at IS NULL
         ORDER BY c.created_at, c.id LIMIT ${limit} OFFSET ${offset}) cp) AS comments,
      o.dirty_fields, o.pending_state, o.last_error, o.warnings, o.last_pushed_at,
      (SELECT count(*)::int FROM issue_comments c WHERE c.issue_id = x.id AND c.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM github_comment_syncs g WHERE g.comment_id = c.id)) AS unsent,
      (SELECT count(*)::int FROM github_comment_outbound co JOIN issue_comments c ON c.id = co.comment_id
         WHERE co.issue_id = x.id AND co.edited_after_push AND c.deleted_at IS NULL) AS edits
    FROM x LEFT JOIN github_issue_outbound o ON o.issue_id = x.id`,
);
