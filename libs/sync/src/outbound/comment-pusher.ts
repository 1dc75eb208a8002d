import { Injectable } from '@nestjs/common';
import { type IssueLinkView, OutboundCommentRepository, type PendingComment } from '#libs/db';
import { commentContentHash } from '../mapping/content-hash.js';
import { CreateLookup } from './create-lookup.js';
import { certainlyNotCreated } from './github-view.js';
import type { PushContext } from './push-context.js';
import { WritePermits } from './write-permits.js';
import { fingerprintHash, isShownVerbatim } from '#libs/issues';

/**
 * Writes the issue's local comments that are not on GitHub yet with add_issue_comment, oldest first.
 * Like issue creation: a "create started" mark with the body's fingerprint is committed before the call,
 * and a retry that finds it without a link looks the comment up (get_comments) instead of posting twice.
 * The link gets the hash of the body as the MCP server shows it (read back only when the text is not
 * shown verbatim), so the next page sees no change. Comments are posted as the token's GitHub user.
 */
/** What CommentPusher did for one issue. */
export interface CommentPush {
  created: number;
  mcpCalls: number;
}

@Injectable()
export class CommentPusher {
  constructor(
    private readonly comments: OutboundCommentRepository,
    private readonly permits: WritePermits,
    private readonly lookup: CreateLookup,
  ) {}

  async push(ctx: PushContext, link: IssueLinkView): Promise<CommentPush> {
    let linked: Set<string> | null = null;
    const outcome: CommentPush = { created: 0, mcpCalls: 0 };
    for (const comment of ctx.target.pendingComments) {
      if (comment.createStartedAt) {
        linked ??= await this.comments.linkedGithubIds(link.id);
        outcome.mcpCalls += 1;
        if (await this.adopt(ctx, link, comment, linked)) continue;
      }
      outcome.mcpCalls += await this.create(ctx, link, comment);
      outcome.created += 1;
    }
    return outcome;
  }

  private async adopt(
    ctx: PushContext,
    link: IssueLinkView,
    comment: PendingComment,
    linked: Set<string>,
  ): Promise<boolean> {
    const fingerprint =
      (await this.comments.sentFingerprint(comment.id)) ?? fingerprintHash('description', comment.body);
    const found = await this.lookup.findComment(ctx.client, ctx.repoSync, link.githubNumber, {
      startedAt: comment.createStartedAt ?? new Date(),
      fingerprint,
      login: ctx.login,
      linked,
    });
    if (!found) return false;
    await this.comments.recordLink(
      { id: comment.id, workspaceId: ctx.target.workspaceId },
      {
        issueSyncId: link.id,
        githubId: BigInt(found.id),
        githubUpdatedAt: new Date(found.updated_at),
        contentHash: commentContentHash(found.body),
        pushedHash: fingerprint,
      },
    );
    linked.add(String(found.id));
    return true;
  }

  /** Posts one comment; returns the MCP calls it made. */
  private async create(ctx: PushContext, link: IssueLinkView, comment: PendingComment): Promise<number> {
    const { owner, name } = ctx.repoSync.repository;
    const ref = { id: comment.id, workspaceId: ctx.target.workspaceId, issueId: ctx.target.issueId };
    const fingerprint = fingerprintHash('description', comment.body);
    const answer = await this.permits.run(ctx.tokenKey, async () => {
      await this.comments.markCreateStarted(ref, new Date(), fingerprint);
      try {
        return await ctx.client.addIssueComment({
          owner,
          repo: name,
          issue_number: link.githubNumber,
          body: comment.body,
        });
      } catch (error) {
        if (certainlyNotCreated(error)) await this.comments.clearCreateStarted(comment.id);
        throw error;
      }
    });
    let contentHash = commentContentHash(comment.body);
    let updatedAt = new Date();
    let calls = 1;
    if (!isShownVerbatim(comment.body)) {
      calls += 1;
      const shown = (await ctx.client.listAllIssueComments(owner, name, link.githubNumber)).find(
        (c) => String(c.id) === answer.id,
      );
      if (shown) {
        contentHash = commentContentHash(shown.body);
        updatedAt = new Date(shown.updated_at);
      }
    }
    await this.comments.recordLink(ref, {
      issueSyncId: link.id,
      githubId: BigInt(answer.id),
      githubUpdatedAt: updatedAt,
      contentHash,
      pushedHash: fingerprint,
    });
    return calls;
  }
}
