import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import { lockRecord } from '../sql/advisory-lock.js';
import type { GitHubCommentRecord } from '../issues/issue-sync-store.types.js';

type Tx = Prisma.TransactionClient;

/** The linked workspace issue a GitHub comment belongs to. */
export interface CommentEventTarget {
  workspaceId: string;
  issueId: string;
  issueSyncId: string;
}

export type CommentApplyOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'deleted';
export type CommentDeleteOutcome = 'deleted' | 'already_deleted' | 'tombstoned';

/**
 * Single-comment writes from webhooks, keyed by the GitHub comment id (the same key and content hash as the
 * sync engine's comment pages, so either path recognises the other's rows). Deletion is a soft delete and
 * final: an older create/edit delivered late never brings a comment back. The issue link's comment count
 * follows the live comments stored, which tells the next sync whether it still has comments to fetch.
 */
@Injectable()
export class CommentEventStore {
  constructor(private readonly prisma: PrismaService) {}

  upsert(target: CommentEventTarget, comment: GitHubCommentRecord): Promise<CommentApplyOutcome> {
    return this.prisma.$transaction(async (tx) => {
      await lockRecord(tx, `comment:${target.issueSyncId}:${comment.githubId}`);
      const link = await findCommentLink(tx, target.issueSyncId, comment.githubId);
      if (!link) {
        await insertComment(tx, target, comment, null);
        await adjustCount(tx, target.issueSyncId, 1);
        return 'created' as const;
      }
      if (link.comment.deletedAt) return 'deleted' as const;
      if (comment.updatedAt.getTime() < link.githubUpdatedAt.getTime()) return 'stale' as const;
      const changed = link.contentHash !== comment.contentHash;
      if (changed) {
        await tx.issueComment.update({
          where: { id: link.commentId },
          data: { body: comment.body, updatedAt: comment.updatedAt },
        });
      }
      if (changed || link.githubUpdatedAt.getTime() !== comment.updatedAt.getTime()) {
        await tx.gitHubCommentSync.update({
          where: { id: link.id },
          data: {
            contentHash: comment.contentHash,
            githubUpdatedAt: comment.updatedAt,
            lastSyncedAt: new Date(),
          },
        });
      }
      return changed ? ('updated' as const) : ('unchanged' as const);
    });
  }

  softDelete(
    target: CommentEventTarget,
    comment: GitHubCommentRecord,
    at: Date,
  ): Promise<CommentDeleteOutcome> {
    return this.prisma.$transaction(async (tx) => {
      await lockRecord(tx, `comment:${target.issueSyncId}:${comment.githubId}`);
      const link = await findCommentLink(tx, target.issueSyncId, comment.githubId);
      if (!link) {
        await insertComment(tx, target, comment, at);
        return 'tombstoned' as const;
      }
      if (link.comment.deletedAt) return 'already_deleted' as const;
      await tx.issueComment.update({ where: { id: link.commentId }, data: { deletedAt: at } });
      await adjustCount(tx, target.issueSyncId, -1);
      return 'deleted' as const;
    });
  }
}

function findCommentLink(tx: Tx, issueSyncId: string, githubId: bigint) {
  return tx.gitHubCommentSync.findUnique({
    where: { issueSyncId_githubId: { issueSyncId, githubId } },
    include: { comment: { select: { deletedAt: true } } },
  });
}

async function insertComment(
  tx: Tx,
  target: CommentEventTarget,
  comment: GitHubCommentRecord,
  deletedAt: Date | null,
): Promise<void> {
  const commentId = randomUUID();
  await tx.issueComment.create({
    data: {
      id: commentId,
      workspaceId: target.workspaceId,
      issueId: target.issueId,
      body: comment.body,
      authorLogin: comment.authorLogin,
      createdAt: comment.createdAt,
      updatedAt: comment.updatedAt,
      deletedAt,
    },
  });
  await tx.gitHubCommentSync.create({
    data: {
      workspaceId: target.workspaceId,
      issueSyncId: target.issueSyncId,
      commentId,
      githubId: comment.githubId,
      githubUpdatedAt: comment.updatedAt,
      contentHash: comment.contentHash,
    },
  });
}

async function adjustCount(tx: Tx, issueSyncId: string, delta: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE github_issue_syncs SET github_comment_count = GREATEST(0, github_comment_count + ${delta}::int)
    WHERE id = ${issueSyncId}::uuid`;
}
