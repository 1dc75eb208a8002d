import type { Prisma } from '../prisma-types.js';
import type { IssueSnapshot } from './issue-event-store.repository.js';

type Tx = Prisma.TransactionClient;

/** A linked issue as single-issue webhook writes need it: one query, labels and assignees included. */
export interface LinkedIssueRow {
  id: string;
  issueId: string;
  contentHash: string;
  githubUpdatedAt: Date;
  deletedAt: Date | null;
  milestone: string | null;
  labels: string[];
  assignees: string[];
}

export async function findLinkedIssue(tx: Tx, repositorySyncId: string, number: number) {
  const rows = await tx.$queryRaw<
    {
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
    SELECT s.id::text AS id, s.issue_id::text AS issue_id, s.content_hash, s.github_updated_at, i.deleted_at, i.milestone,
           COALESCE((SELECT array_agg(l.name) FROM issue_labels il JOIN labels l ON l.id = il.label_id
                     WHERE il.issue_id = i.id), '{}') AS labels,
           COALESCE((SELECT array_agg(a.github_login) FROM issue_assignees a WHERE a.issue_id = i.id), '{}') AS assignees
    FROM github_issue_syncs s JOIN issues i ON i.id = s.issue_id
    WHERE s.repository_sync_id = ${repositorySyncId}::uuid AND s.github_number = ${number}`;
  const row = rows[0];
  if (!row) return undefined;
  const linked: LinkedIssueRow = {
    id: row.id,
    issueId: row.issue_id,
    contentHash: row.content_hash,
    githubUpdatedAt: row.github_updated_at,
    deletedAt: row.deleted_at,
    milestone: row.milestone,
    labels: row.labels,
    assignees: row.assignees,
  };
  return linked;
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
}

export async function replaceAssignees(tx: Tx, issueId: string, logins: string[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM issue_assignees WHERE issue_id = ${issueId}::uuid`;
  if (logins.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO issue_assignees (issue_id, github_login)
    SELECT ${issueId}::uuid, login FROM unnest(${logins}::text[]) AS login ON CONFLICT DO NOTHING`;
}

export async function replaceLabels(tx: Tx, issueId: string, labelIds: string[]): Promise<void> {
  await tx.$executeRaw`DELETE FROM issue_labels WHERE issue_id = ${issueId}::uuid`;
  if (labelIds.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO issue_labels (issue_id, label_id)
    SELECT ${issueId}::uuid, label_id FROM unnest(${labelIds}::uuid[]) AS label_id ON CONFLICT DO NOTHING`;
}

export async function updateIssueFields(tx: Tx, issueId: string, snapshot: IssueSnapshot): Promise<void> {
  await tx.$executeRaw`
    UPDATE issues SET title = ${snapshot.title}, description = ${snapshot.body}, state = ${snapshot.state}::"IssueState",
                      milestone = ${snapshot.milestone}, updated_at = ${snapshot.updatedAt},
                      completed_at = ${snapshot.closedAt}
    WHERE id = ${issueId}::uuid`;
}

/** Records the GitHub view just applied (hash, update time, URL, REST id) on the issue link. */
export async function updateLink(tx: Tx, linkId: string, snapshot: IssueSnapshot): Promise<void> {
  await tx.$executeRaw`
    UPDATE github_issue_syncs SET content_hash = ${snapshot.contentHash}, github_updated_at = ${snapshot.updatedAt},
                                  github_url = ${snapshot.url},
                                  github_id = COALESCE(${snapshot.githubId?.toString() ?? null}::bigint, github_id),
                                  last_synced_at = now()
    WHERE id = ${linkId}::uuid`;
}
