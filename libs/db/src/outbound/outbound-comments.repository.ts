import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';

export interface NewCommentLink {
  issueSyncId: string;
  githubId: bigint;
  githubUpdatedAt: Date;
  /** Hash of the body as the MCP server shows it (what inbound pages compare). */
  contentHash: string;
  /** Fingerprint hash of the body written (finds the comment again after a lost answer). */
  pushedHash: string;
}

/** A comment edited here after it reached GitHub, not yet written there. */
export interface PendingCommentEdit {
  commentId: string;
  body: string;
  /** When the local edit was made (the comment's updated_at). */
  editedAt: Date;
  githubId: bigint;
  /** Hash of the GitHub body last seen (the base the edit was made on). */
  contentHash: string;
}

/** What GitHub shows of a comment after a write or as the winner of a conflict. */
export interface CommentGitHubVersion {
  contentHash: string;
  githubUpdatedAt: Date;
}

/**
 * Outbound comments: the create marker, the link recorded from add_issue_comment's answer, and edits of
 * linked comments owed to GitHub (update_issue_comment).
 */
@Injectable()
export class OutboundCommentRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Written before add_issue_comment: a retry that finds it (and no link) looks the comment up first. */
  async markCreateStarted(
    comment: { id: string; workspaceId: string; issueId: string },
    at: Date,
    fingerprint: string,
  ): Promise<void> {
    await this.prisma.gitHubCommentOutbound.upsert({
      where: { commentId: comment.id },
      create: {
        workspaceId: comment.workspaceId,
        commentId: comment.id,
        issueId: comment.issueId,
        createStartedAt: at,
        pushedHash: fingerprint,
      },
      update: { createStartedAt: at, pushedHash: fingerprint },
    });
  }

  /** The fingerprint hash recorded when the comment's create started (see markCreateStarted). */
  async sentFingerprint(commentId: string): Promise<string | null> {
    const row = await this.prisma.gitHubCommentOutbound.findUnique({ where: { commentId } });
    return row?.pushedHash ?? null;
  }

  async clearCreateStarted(commentId: string): Promise<void> {
    await this.prisma.gitHubCommentOutbound.updateMany({
      where: { commentId },
      data: { createStartedAt: null },
    });
  }

  /** GitHub comment ids of the issue link that are already linked to a local comment. */
  async linkedGithubIds(issueSyncId: string): Promise<Set<string>> {
    const rows = await this.prisma.gitHubCommentSync.findMany({
      where: { issueSyncId },
      select: { githubId: true },
    });
    return new Set(rows.map((r) => r.githubId.toString()));
  }

  /**
   * Links the local comment to the GitHub comment it was written as. If the inbound side imported that
   * GitHub comment as a new local comment first (a page raced the write), the link moves to this comment
   * and the imported duplicate is soft-deleted.
   */
  async recordLink(comment: { id: string; workspaceId: string }, link: NewCommentLink): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const existing = await tx.gitHubCommentSync.findUnique({
        where: { issueSyncId_githubId: { issueSyncId: link.issueSyncId, githubId: link.githubId } },
      });
      const data = {
        githubUpdatedAt: link.githubUpdatedAt,
        contentHash: link.contentHash,
        lastSyncedAt: new Date(),
      };
      if (existing && existing.commentId !== comment.id) {
        await tx.gitHubCommentSync.update({
          where: { id: existing.id },
          data: { ...data, commentId: comment.id },
        });
        await tx.issueComment.update({ where: { id: existing.commentId }, data: { deletedAt: new Date() } });
      } else if (existing) {
        await tx.gitHubCommentSync.update({ where: { id: existing.id }, data });
      } else {
        await tx.gitHubCommentSync.create({
          data: {
            workspaceId: comment.workspaceId,
            issueSyncId: link.issueSyncId,
            commentId: comment.id,
            githubId: link.githubId,
            ...data,
          },
        });
      }
      await tx.gitHubCommentOutbound.update({
        where: { commentId: comment.id },
        data: { createStartedAt: null, pushedHash: link.pushedHash },
      });
    });
  }

  /** Linked comments of the issue edited here and not yet written to GitHub, oldest edit first. */
  async pendingEdits(issueId: string): Promise<PendingCommentEdit[]> {
    const rows = await this.prisma.gitHubCommentOutbound.findMany({
      where: { issueId, editedAfterPush: true, comment: { deletedAt: null, githubSync: { isNot: null } } },
      select: { comment: { select: { id: true, body: true, updatedAt: true, githubSync: true } } },
      orderBy: { updatedAt: 'asc' },
    });
    return rows.flatMap(({ comment }) =>
      comment.githubSync
        ? [
            {
              commentId: comment.id,
              body: comment.body,
              editedAt: comment.updatedAt,
              githubId: comment.githubSync.githubId,
              contentHash: comment.githubSync.contentHash,
            },
          ]
        : [],
    );
  }

  /**
   * The edit reached GitHub: the link takes GitHub's view of it (echo base) and the edit is no longer owed,
   * unless the comment was edited again meanwhile (its body is no longer the one sent).
   */
  async recordEditWritten(
    commentId: string,
    sentBody: string,
    shown: CommentGitHubVersion,
    pushedHash: string,
  ) {
    await this.prisma.$transaction(async (tx) => {
      await tx.gitHubCommentSync.update({
        where: { commentId },
        data: {
          contentHash: shown.contentHash,
          githubUpdatedAt: shown.githubUpdatedAt,
          lastSyncedAt: new Date(),
        },
      });
      const unchanged = await tx.issueComment.count({ where: { id: commentId, body: sentBody } });
      await tx.gitHubCommentOutbound.update({
        where: { commentId },
        data: { pushedHash, ...(unchanged > 0 ? { editedAfterPush: false } : {}) },
      });
    });
  }

  /** GitHub changed the comment after the local edit (last writer wins): its body replaces the edit. */
  async applyGitHubVersion(commentId: string, body: string, shown: CommentGitHubVersion): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.issueComment.update({
        where: { id: commentId },
        data: { body, updatedAt: shown.githubUpdatedAt },
      });
      await tx.gitHubCommentSync.update({
        where: { commentId },
        data: {
          contentHash: shown.contentHash,
          githubUpdatedAt: shown.githubUpdatedAt,
          lastSyncedAt: new Date(),
        },
      });
      await tx.gitHubCommentOutbound.update({ where: { commentId }, data: { editedAfterPush: false } });
    });
  }

  /** The edit is no longer owed (GitHub already shows it, or the comment is gone there). */
  async clearEdit(commentId: string): Promise<void> {
    await this.prisma.gitHubCommentOutbound.updateMany({
      where: { commentId },
      data: { editedAfterPush: false },
    });
  }
}
