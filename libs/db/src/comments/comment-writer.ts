import { randomUUID } from 'node:crypto';
import type { Prisma } from '../prisma-types.js';
import { type CommentRow, insertComments } from '../sql/bulk-sql.js';
import type { GitHubIssueRecord, IssueLink } from '../issues/issue-sync-store.types.js';

type Tx = Prisma.TransactionClient;

/** Applies complete GitHub comment lists: creates new, updates edited, soft-deletes vanished ones. */
export class CommentWriter {
  async write(tx: Tx, workspaceId: string, issues: GitHubIssueRecord[], links: Map<number, IssueLink>) {
    const stats = { commentsCreated: 0, commentsUpdated: 0, commentsDeleted: 0 };
    const withComments = issues.filter((i) => i.comments !== undefined);
    if (withComments.length === 0) return stats;
    const issueSyncIds = withComments.map((i) => links.get(i.number)!.issueSyncId);
    const existing = await tx.gitHubCommentSync.findMany({
      where: { issueSyncId: { in: issueSyncIds } },
      include: { comment: { select: { deletedAt: true } } },
    });
    const known = new Map(existing.map((e) => [`${e.issueSyncId}:${e.githubId}`, e]));

    const newComments: CommentRow[] = [];
    const seen = new Set<string>();
    for (const issue of withComments) {
      const link = links.get(issue.number)!;
      for (const c of issue.comments ?? []) {
        const key = `${link.issueSyncId}:${c.githubId}`;
        seen.add(key);
        const prior = known.get(key);
        if (!prior) {
          newComments.push({
            id: randomUUID(),
            linkId: randomUUID(),
            issueId: link.issueId,
            issueSyncId: link.issueSyncId,
            githubId: c.githubId,
            body: c.body,
            authorLogin: c.authorLogin,
            createdAt: c.createdAt,
            updatedAt: c.updatedAt,
            contentHash: c.contentHash,
          });
        } else if (prior.contentHash !== c.contentHash || prior.comment.deletedAt) {
          await tx.issueComment.update({
            where: { id: prior.commentId },
            data: { body: c.body, updatedAt: c.updatedAt, deletedAt: null },
          });
          await tx.gitHubCommentSync.update({
            where: { id: prior.id },
            data: { contentHash: c.contentHash, githubUpdatedAt: c.updatedAt, lastSyncedAt: new Date() },
          });
          stats.commentsUpdated += 1;
        }
      }
    }
    await insertComments(tx, workspaceId, newComments);
    stats.commentsCreated = newComments.length;
    const readAt = new Map(withComments.map((i) => [links.get(i.number)!.issueSyncId, i.commentsReadAt]));
    const vanished = existing.filter((e) => {
      if (seen.has(`${e.issueSyncId}:${e.githubId}`) || e.comment.deletedAt) return false;
      const listedAt = readAt.get(e.issueSyncId);
      return !listedAt || e.lastSyncedAt < listedAt; // linked after the list was read: not vanished
    });
    if (vanished.length > 0) {
      await tx.issueComment.updateMany({
        where: { id: { in: vanished.map((v) => v.commentId) } },
        data: { deletedAt: new Date() },
      });
      stats.commentsDeleted = vanished.length;
    }
    return stats;
  }
}
