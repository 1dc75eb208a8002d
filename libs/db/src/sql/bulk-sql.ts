import type { Prisma } from '../prisma-types.js';

type Tx = Prisma.TransactionClient;

/**
 * Set-based writes for the sync hot path: one statement per table per page (`INSERT … SELECT FROM unnest`)
 * instead of Prisma's per-row createMany, which costs several CPU milliseconds per row on a 100-issue page.
 * The `issues` rows themselves are written in issues/issue-writes.ts.
 */

const iso = (d: Date | null) => d?.toISOString() ?? null;

export interface IssueLinkRow {
  id: string;
  issueId: string;
  number: number;
  url: string;
  updatedAt: Date;
  commentCount: number;
  contentHash: string;
}

export async function insertIssueLinks(
  tx: Tx,
  workspaceId: string,
  repositorySyncId: string,
  rows: IssueLinkRow[],
) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO github_issue_syncs (id, workspace_id, repository_sync_id, issue_id, github_number, github_url,
                                    github_updated_at, github_comment_count, content_hash)
    SELECT u.id, ${workspaceId}::uuid, ${repositorySyncId}::uuid, u.issue_id, u.num, u.url, u.updated_at, u.comments, u.hash
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.issueId)}::uuid[], ${rows.map((r) => r.number)}::int[],
                ${rows.map((r) => r.url)}::text[], ${rows.map((r) => iso(r.updatedAt))}::timestamptz[],
                ${rows.map((r) => r.commentCount)}::int[], ${rows.map((r) => r.contentHash)}::text[])
      AS u(id, issue_id, num, url, updated_at, comments, hash)`;
}

/** Makes sure the project has these labels; returns name → id. */
export async function ensureLabels(
  tx: Tx,
  workspaceId: string,
  projectId: string,
  names: string[],
  newIds: string[],
) {
  const found = new Map<string, string>();
  if (names.length === 0) return found;
  await tx.$executeRaw`
    INSERT INTO labels (id, workspace_id, project_id, name)
    SELECT u.id, ${workspaceId}::uuid, ${projectId}::uuid, u.name FROM unnest(${newIds}::uuid[], ${names}::text[]) AS u(id, name)
    ON CONFLICT (project_id, name) DO NOTHING`;
  const rows = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT id::text AS id, name FROM labels WHERE project_id = ${projectId}::uuid AND name = ANY(${names}::text[])`;
  for (const row of rows) found.set(row.name, row.id);
  return found;
}

/**
 * Replaces the label and assignee sets of the given issues. An assignee whose GitHub login belongs to a
 * member of the workspace is linked to that user; other logins are kept as external assignees.
 */
export async function replaceIssueLabelsAndAssignees(
  tx: Tx,
  issueIds: string[],
  labels: { issueId: string; labelId: string }[],
  assignees: { issueId: string; login: string }[],
) {
  if (issueIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM issue_labels WHERE issue_id = ANY(${issueIds}::uuid[])`;
  await tx.$executeRaw`DELETE FROM issue_assignees WHERE issue_id = ANY(${issueIds}::uuid[])`;
  if (labels.length > 0) {
    await tx.$executeRaw`
      INSERT INTO issue_labels (issue_id, label_id)
      SELECT * FROM unnest(${labels.map((l) => l.issueId)}::uuid[], ${labels.map((l) => l.labelId)}::uuid[])
      ON CONFLICT DO NOTHING`;
  }
  if (assignees.length > 0) {
    await tx.$executeRaw`
      INSERT INTO issue_assignees (issue_id, github_login, user_id)
      SELECT u.issue_id, u.login,
             (SELECT us.id FROM users us JOIN workspace_members m ON m.user_id = us.id
              JOIN issues i ON i.id = u.issue_id AND i.workspace_id = m.workspace_id
              WHERE lower(us.github_login) = lower(u.login) LIMIT 1)
      FROM unnest(${assignees.map((a) => a.issueId)}::uuid[], ${assignees.map((a) => a.login)}::text[]) AS u(issue_id, login)
      ON CONFLICT DO NOTHING`;
  }
}

export interface CommentRow {
  id: string;
  linkId: string;
  issueId: string;
  issueSyncId: string;
  githubId: bigint;
  body: string;
  authorLogin: string | null;
  createdAt: Date;
  updatedAt: Date;
  contentHash: string;
}

export async function insertComments(tx: Tx, workspaceId: string, rows: CommentRow[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO issue_comments (id, workspace_id, issue_id, body, author_login, created_at, updated_at)
    SELECT u.id, ${workspaceId}::uuid, u.issue_id, u.body, u.author, u.created_at, u.updated_at
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.issueId)}::uuid[], ${rows.map((r) => r.body)}::text[],
                ${rows.map((r) => r.authorLogin)}::text[], ${rows.map((r) => iso(r.createdAt))}::timestamptz[],
                ${rows.map((r) => iso(r.updatedAt))}::timestamptz[])
      AS u(id, issue_id, body, author, created_at, updated_at)`;
  await tx.$executeRaw`
    INSERT INTO github_comment_syncs (id, workspace_id, issue_sync_id, comment_id, github_id, github_updated_at, content_hash)
    SELECT u.id, ${workspaceId}::uuid, u.issue_sync_id, u.comment_id, u.github_id, u.updated_at, u.hash
    FROM unnest(${rows.map((r) => r.linkId)}::uuid[], ${rows.map((r) => r.issueSyncId)}::uuid[], ${rows.map((r) => r.id)}::uuid[],
                ${rows.map((r) => r.githubId.toString())}::bigint[], ${rows.map((r) => iso(r.updatedAt))}::timestamptz[],
                ${rows.map((r) => r.contentHash)}::text[])
      AS u(id, issue_sync_id, comment_id, github_id, updated_at, hash)`;
}
