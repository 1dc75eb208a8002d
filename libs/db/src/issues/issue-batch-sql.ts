import type { Prisma } from '../prisma-types.js';
import type { LinkedIssueRow } from './issue-event.types.js';

type Tx = Prisma.TransactionClient;

/**
 * Set-based statements of the batched webhook path (IssueBatchStore): one statement per table for a whole
 * batch of events, writing exactly what the single-issue helpers of issue-event-sql.ts write (the `issues`
 * rows: writeIssuesAndLinks in issue-writes.ts).
 */

export interface IssueKey {
  repositorySyncId: string;
  number: number;
}

export function issueKeyOf(key: IssueKey): string {
  return `${key.repositorySyncId}:${key.number}`;
}

/** The links of many issues (as `findLinkedIssue` reads one), keyed by `issueKeyOf`. */
export async function findLinkedIssues(tx: Tx, keys: IssueKey[]): Promise<Map<string, LinkedIssueRow>> {
  const links = new Map<string, LinkedIssueRow>();
  if (keys.length === 0) return links;
  const rows = await tx.$queryRaw<
    {
      repository_sync_id: string;
      github_number: number;
      id: string;
      issue_id: string;
      content_hash: string;
      github_updated_at: Date;
      deleted_at: Date | null;
      milestone: string | null;
      labels: string[];
      assignees: string[];
    }[]
  >`
    SELECT s.repository_sync_id::text AS repository_sync_id, s.github_number, s.id::text AS id,
           s.issue_id::text AS issue_id, s.content_hash, s.github_updated_at, i.deleted_at, i.milestone,
           COALESCE((SELECT array_agg(l.name) FROM issue_labels il JOIN labels l ON l.id = il.label_id
                     WHERE il.issue_id = i.id), '{}') AS labels,
           COALESCE((SELECT array_agg(a.github_login) FROM issue_assignees a WHERE a.issue_id = i.id), '{}') AS assignees
    FROM unnest(${keys.map((k) => k.repositorySyncId)}::uuid[], ${keys.map((k) => k.number)}::int[]) AS u(sync_id, num)
    JOIN github_issue_syncs s ON s.repository_sync_id = u.sync_id AND s.github_number = u.num
    JOIN issues i ON i.id = s.issue_id`;
  for (const row of rows) {
    links.set(issueKeyOf({ repositorySyncId: row.repository_sync_id, number: row.github_number }), {
      id: row.id,
      issueId: row.issue_id,
      contentHash: row.content_hash,
      githubUpdatedAt: row.github_updated_at,
      deletedAt: row.deleted_at,
      milestone: row.milestone,
      labels: row.labels,
      assignees: row.assignees,
    });
  }
  return links;
}

/** `ensureLabels` for several projects at once (ON CONFLICT: labels another writer created are kept). */
export async function ensureProjectLabels(
  tx: Tx,
  labels: { id: string; workspaceId: string; projectId: string; name: string }[],
) {
  if (labels.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO labels (id, workspace_id, project_id, name)
    SELECT u.id, u.workspace_id, u.project_id, u.name
    FROM unnest(${labels.map((l) => l.id)}::uuid[], ${labels.map((l) => l.workspaceId)}::uuid[],
                ${labels.map((l) => l.projectId)}::uuid[], ${labels.map((l) => l.name)}::text[])
      AS u(id, workspace_id, project_id, name)
    ON CONFLICT (project_id, name) DO NOTHING`;
}

/** `replaceLabels` for many issues: each issue gets exactly the named labels of its project. */
export async function replaceIssueLabels(
  tx: Tx,
  issueIds: string[],
  labels: { issueId: string; projectId: string; name: string }[],
) {
  if (issueIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM issue_labels WHERE issue_id = ANY(${issueIds}::uuid[])`;
  if (labels.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO issue_labels (issue_id, label_id)
    SELECT u.issue_id, l.id
    FROM unnest(${labels.map((l) => l.issueId)}::uuid[], ${labels.map((l) => l.projectId)}::uuid[],
                ${labels.map((l) => l.name)}::text[]) AS u(issue_id, project_id, name)
    JOIN labels l ON l.project_id = u.project_id AND l.name = u.name
    ON CONFLICT DO NOTHING`;
}

/** `replaceAssignees` for many issues (GitHub logins only, as single webhook writes store them). */
export async function replaceIssueAssignees(
  tx: Tx,
  issueIds: string[],
  assignees: { issueId: string; login: string }[],
) {
  if (issueIds.length === 0) return;
  await tx.$executeRaw`DELETE FROM issue_assignees WHERE issue_id = ANY(${issueIds}::uuid[])`;
  if (assignees.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO issue_assignees (issue_id, github_login)
    SELECT * FROM unnest(${assignees.map((a) => a.issueId)}::uuid[], ${assignees.map((a) => a.login)}::text[])
    ON CONFLICT DO NOTHING`;
}
