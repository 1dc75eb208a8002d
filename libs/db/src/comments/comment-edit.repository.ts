import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { IssueComment } from '../prisma-types.js';
import { audit, bumpVersion } from '../issues/edit-helpers.js';
import type { Actor } from '../outbound/outbound.types.js';

/**
 * Local comments written through the API. Each commits with the issue's outbound version bump, so the
 * sync_issue job enqueued after the commit writes it to GitHub (new comments; edits of comments already
 * there where the server can edit them).
 */
@Injectable()
export class CommentEditRepository {
  constructor(private readonly prisma: PrismaService) {}

  async createComment(
    scope: { workspaceId: string; issueId: string },
    body: string,
    actor: Actor,
  ): Promise<{ comment: IssueComment; version: number }> {
    return this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const comment = await tx.issueComment.create({
        data: {
          workspaceId: scope.workspaceId,
          issueId: scope.issueId,
          body,
          authorId: actor.userId,
          createdAt: now,
          updatedAt: now,
        },
      });
      const version = await bumpVersion(tx, scope.workspaceId, scope.issueId, {});
      await audit(tx, scope.workspaceId, actor, 'comment.created', 'comment', comment.id, {
        issue_id: scope.issueId,
      });
      return { comment, version };
    });
  }

  /**
   * Edits a comment. One not yet on GitHub is written with its new body; one already there is marked as
   * edited after its push (written with update_issue_comment where the server offers it). `version` is
   * null when the body did not change (nothing is owed).
   */
  async updateComment(
    scope: { workspaceId: string; issueId: string; commentId: string },
    body: string,
    actor: Actor,
  ): Promise<{ comment: IssueComment; version: number | null } | null> {
    return this.prisma.$transaction(async (tx) => {
      const found = await tx.issueComment.findFirst({
        where: {
          id: scope.commentId,
          issueId: scope.issueId,
          workspaceId: scope.workspaceId,
          deletedAt: null,
        },
        include: { githubSync: { select: { id: true } } },
      });
      if (!found) return null;
      if (found.body === body) return { comment: found, version: null };
      const comment = await tx.issueComment.update({
        where: { id: found.id },
        data: { body, updatedAt: new Date() },
      });
      const onGitHub = found.githubSync !== null;
      if (onGitHub) {
        await tx.gitHubCommentOutbound.upsert({
          where: { commentId: found.id },
          create: {
            workspaceId: scope.workspaceId,
            commentId: found.id,
            issueId: scope.issueId,
            editedAfterPush: true,
          },
          update: { editedAfterPush: true },
        });
      }
      // A comment already on GitHub is owed as an edit (update_issue_comment where the server offers it).
      const version = await bumpVersion(tx, scope.workspaceId, scope.issueId, {});
      await audit(tx, scope.workspaceId, actor, 'comment.updated', 'comment', found.id, {
        issue_id: scope.issueId,
        ...(onGitHub ? { on_github: true } : {}),
      });
      return { comment, version };
    });
  }
}
