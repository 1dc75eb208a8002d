import { randomUUID } from 'node:crypto';
import type { Prisma } from '../prisma-types.js';
import { insertIssueLinks, replaceIssueLabelsAndAssignees } from '../sql/bulk-sql.js';
import { insertIssues as insertIssueRows, updateIssue } from './issue-writes.js';
import type { GitHubIssueRecord, IssueLink, RepositorySyncScope } from './issue-sync-store.types.js';

type Tx = Prisma.TransactionClient;

/* The writes of one page of GitHub issues (IssueSyncStore.writePage runs them in its transaction). */

/** New issues with their links, numbered after the project's sequence in GitHub number order. */
export async function insertPageIssues(tx: Tx, scope: RepositorySyncScope, fresh: GitHubIssueRecord[]) {
  if (fresh.length === 0) return [];
  const [row] = await tx.$queryRaw<{ issue_sequence: number }[]>`
    UPDATE projects SET issue_sequence = issue_sequence + ${fresh.length}, updated_at = now()
    WHERE id = ${scope.projectId}::uuid RETURNING issue_sequence`;
  const first = (row?.issue_sequence ?? fresh.length) - fresh.length + 1;
  const ordered = [...fresh].sort((a, b) => a.number - b.number);
  const created = ordered.map((issue, index) => {
    const link: IssueLink = {
      issueId: randomUUID(),
      issueSyncId: randomUUID(),
      number: issue.number,
      contentHash: issue.contentHash,
      commentCount: issue.commentCount,
      githubUpdatedAt: issue.updatedAt,
      state: issue.state,
      milestone: issue.milestone ?? null,
      deleted: false,
    };
    return { issue, link, sequenceId: first + index };
  });
  await insertIssueRows(
    tx,
    scope.workspaceId,
    scope.projectId,
    created.map(({ issue, link, sequenceId }) => ({
      id: link.issueId,
      sequenceId,
      title: issue.title,
      description: issue.body,
      state: issue.state,
      createdAt: issue.createdAt,
      updatedAt: issue.updatedAt,
      completedAt: issue.closedAt,
      milestone: issue.milestone ?? null,
    })),
  );
  await insertIssueLinks(
    tx,
    scope.workspaceId,
    scope.id,
    created.map(({ issue, link }) => ({
      id: link.issueSyncId,
      issueId: link.issueId,
      number: issue.number,
      url: issue.url,
      updatedAt: issue.updatedAt,
      commentCount: issue.commentCount,
      contentHash: issue.contentHash,
    })),
  );
  return created;
}

export async function updateIssues(tx: Tx, changed: GitHubIssueRecord[], links: Map<number, IssueLink>) {
  for (const issue of changed) {
    const link = links.get(issue.number)!;
    await updateIssue(tx, link.issueId, {
      title: issue.title,
      description: issue.body,
      state: issue.state,
      updatedAt: issue.updatedAt,
      completedAt: issue.closedAt,
      deletedAt: null,
      ...(issue.milestone === undefined ? {} : { milestone: issue.milestone }),
    });
  }
}

export async function replaceLabelsAndAssignees(
  tx: Tx,
  items: { issueId: string; issue: GitHubIssueRecord }[],
  labelIds: Map<string, string>,
) {
  await replaceIssueLabelsAndAssignees(
    tx,
    items.map((i) => i.issueId),
    items.flatMap(({ issueId, issue }) =>
      [...new Set(issue.labels)].map((name) => ({ issueId, labelId: labelIds.get(name)! })),
    ),
    items.flatMap(({ issueId, issue }) => [...new Set(issue.assignees)].map((login) => ({ issueId, login }))),
  );
}

/** Records what was seen on GitHub for existing links (hash, update time, comment count). */
export async function touchLinks(tx: Tx, issues: GitHubIssueRecord[], links: Map<number, IssueLink>) {
  for (const issue of issues) {
    const link = links.get(issue.number);
    if (!link) continue;
    const same =
      link.contentHash === issue.contentHash &&
      link.commentCount === issue.commentCount &&
      link.githubUpdatedAt.getTime() === issue.updatedAt.getTime();
    if (same) continue;
    await tx.gitHubIssueSync.update({
      where: { id: link.issueSyncId },
      data: {
        contentHash: issue.contentHash,
        githubUpdatedAt: issue.updatedAt,
        githubCommentCount: issue.commentCount,
        githubUrl: issue.url,
        lastSyncedAt: new Date(),
      },
    });
  }
}
