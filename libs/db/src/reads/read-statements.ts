/**
 * The SQL of the hot read routes (token lookup, status, job detail, issue list and detail), run as named
 * prepared statements on the pg pool: parsed and planned once per connection, no query engine in between.
 * Every statement lists its result columns, so a schema change only re-plans it. Shared by the API (through
 * ReadQueries on PrismaService's pool) and `npm run bench:api`'s floor.
 */
export interface ReadStatement {
  name: string;
  text: string;
}

const statement = (name: string, text: string): ReadStatement => ({
  name: `reads.${name}`,
  text: text.replace(/\s+/g, ' ').trim(),
});

/** A token that is neither revoked nor expired, of a user who is still a member of its workspace. */
export const PRINCIPAL = statement(
  'principal',
  `SELECT t.id AS token_id, t.user_id, t.workspace_id, w.slug, m.role::text AS role, t.expires_at
   FROM api_tokens t
   JOIN workspaces w ON w.id = t.workspace_id
   JOIN workspace_members m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
   WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)`,
);

export const INTEGRATION = statement(
  'integration',
  `SELECT id, provider, auth_kind::text AS auth_kind, status::text AS status, status_message, github_login,
     scopes, installation_id::text AS installation_id, created_at, updated_at
   FROM workspace_integrations WHERE workspace_id = $1 AND provider = $2`,
);

export const REPOSITORY_SYNCS = statement(
  'repository_syncs',
  `SELECT s.id, s.project_id, s.direction::text AS direction, s.enabled, s.sync_interval_seconds, s.label_filter,
     s.state_mapping, s.include_comments, s.include_pull_requests, s.last_cursor, s.last_synced_at,
     r.owner, r.name, r.github_id::text AS github_id, r.private, p.name AS project_name
   FROM github_repository_syncs s
   JOIN github_repositories r ON r.id = s.repository_id
   JOIN projects p ON p.id = s.project_id
   WHERE s.workspace_integration_id = $1
   ORDER BY s.created_at`,
);

const JOB_COLUMNS = `j.id, j.job_id, j.workspace_id, j.workspace_integration_id, j.repository_sync_id,
  j.status::text AS status, j.direction::text AS direction, j.trigger::text AS trigger, j."full", j.items_total,
  j.items_synced, j.items_failed, j.checkpoint, j.started_at, j.completed_at, j.error_message, j.error_details,
  j.filters, j.metadata, j.version, j.created_at, j.updated_at`;

/** The integration's queued and running jobs, oldest first. */
export const ACTIVE_JOBS = statement(
  'active_jobs',
  `SELECT ${JOB_COLUMNS} FROM github_sync_jobs j
   WHERE j.workspace_integration_id = $1 AND j.status IN ('queued', 'running') ORDER BY j.created_at`,
);

export const RECENT_JOBS = statement(
  'recent_jobs',
  `SELECT ${JOB_COLUMNS} FROM github_sync_jobs j
   WHERE j.workspace_integration_id = $1 ORDER BY j.created_at DESC LIMIT $2`,
);

/** One job of the workspace's GitHub integration, with its repository's owner/name (null once disconnected). */
export const JOB_VIEW = statement(
  'job_view',
  `SELECT ${JOB_COLUMNS}, r.owner AS repo_owner, r.name AS repo_name
   FROM github_sync_jobs j
   JOIN workspace_integrations i ON i.id = j.workspace_integration_id
   LEFT JOIN github_repository_syncs s ON s.id = j.repository_sync_id
   LEFT JOIN github_repositories r ON r.id = s.repository_id
   WHERE i.workspace_id = $1 AND i.provider = $2 AND j.job_id = $3`,
);

export const PROJECT = statement(
  'project',
  `SELECT id, workspace_id, name, identifier, issue_sequence, created_at, updated_at
   FROM projects WHERE id = $1 AND workspace_id = $2`,
);

/** An issue with its label names, assignees, live comment count and GitHub link. */
const ISSUE_SELECT = `SELECT i.id, i.workspace_id, i.project_id, i.sequence_id, i.title, i.description,
    i.state::text AS state, i.priority::text AS priority, i.milestone, i.created_by_id, i.created_at,
    i.updated_at, i.completed_at, i.deleted_at,
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

export const ISSUE_PAGE = statement(
  'issue_page',
  `${ISSUE_SELECT}
   WHERE i.workspace_id = $1 AND i.project_id = $2 AND i.deleted_at IS NULL
     AND ($3::"IssueState" IS NULL OR i.state = $3::"IssueState")
   ORDER BY i.sequence_id LIMIT $4 OFFSET $5`,
);

export const ISSUE_COUNT = statement(
  'issue_count',
  `SELECT count(*)::int AS n FROM issues i
   WHERE i.workspace_id = $1 AND i.project_id = $2 AND i.deleted_at IS NULL
     AND ($3::"IssueState" IS NULL OR i.state = $3::"IssueState")`,
);

export const ISSUE = statement(
  'issue',
  `${ISSUE_SELECT}
   WHERE i.id = $1 AND i.workspace_id = $2 AND i.project_id = $3 AND i.deleted_at IS NULL`,
);

/** One page of an issue's live comments, oldest first, with the GitHub comment id when linked. */
export const COMMENTS_PAGE = statement(
  'comments_page',
  `SELECT c.id, c.workspace_id, c.issue_id, c.body, c.author_id, c.author_login, c.created_at, c.updated_at,
     c.deleted_at, g.github_id::text AS github_id
   FROM issue_comments c LEFT JOIN github_comment_syncs g ON g.comment_id = c.id
   WHERE c.issue_id = $1 AND c.deleted_at IS NULL
   ORDER BY c.created_at, c.id LIMIT $2 OFFSET $3`,
);

export const COMMENT_COUNT = statement(
  'comment_count',
  `SELECT count(*)::int AS n FROM issue_comments WHERE issue_id = $1 AND deleted_at IS NULL`,
);

/** What an issue still owes GitHub: its outbound row (if any), unsent comments, edits not yet written. */
export const OUTBOUND_STATUS = statement(
  'outbound_status',
  `SELECT o.dirty_fields, o.pending_state, o.last_error, o.warnings, o.last_pushed_at,
     (SELECT count(*)::int FROM issue_comments c WHERE c.issue_id = $1 AND c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM github_comment_syncs g WHERE g.comment_id = c.id)) AS unsent,
     (SELECT count(*)::int FROM github_comment_outbound co JOIN issue_comments c ON c.id = co.comment_id
        WHERE co.issue_id = $1 AND co.edited_after_push AND c.deleted_at IS NULL) AS edits
   FROM (SELECT 1) AS one LEFT JOIN github_issue_outbound o ON o.issue_id = $1`,
);
