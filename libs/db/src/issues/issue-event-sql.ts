import type { Prisma } from '../prisma-types.js';
import type { IssueSnapshot, LinkedIssueRow } from './issue-event.types.js';
import { findLinkedIssues, issueKeyOf } from './issue-batch-sql.js';

type Tx = Prisma.TransactionClient;

/** The link of one issue (findLinkedIssues for a single key). */
export async function findLinkedIssue(
  tx: Tx,
  repositorySyncId: string,
  number: number,
): Promise<LinkedIssueRow | undefined> {
  const key = { repositorySyncId, number };
  return (await findLinkedIssues(tx, [key])).get(issueKeyOf(key));
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

/** Records the GitHub view just applied (hash, update time, URL, REST id) on the issue link. */
export async function updateLink(tx: Tx, linkId: string, snapshot: IssueSnapshot): Promise<void> {
  await tx.$executeRaw`
    UPDATE github_issue_syncs SET content_hash = ${snapshot.contentHash}, github_updated_at = ${snapshot.updatedAt},
                                  github_url = ${snapshot.url},
                                  github_id = COALESCE(${snapshot.githubId?.toString() ?? null}::bigint, github_id),
                                  last_synced_at = now()
    WHERE id = ${linkId}::uuid`;
}
