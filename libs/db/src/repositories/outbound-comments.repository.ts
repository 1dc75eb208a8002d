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

/** Outbound comments: the create marker, and the link recorded from add_issue_comment's answer. */
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
}
