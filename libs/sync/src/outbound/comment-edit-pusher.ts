import { Injectable } from '@nestjs/common';
import { type IssueLinkView, OutboundCommentRepository, type PendingCommentEdit } from '#libs/db';
import type { GitHubIssueComment } from '#libs/github-mcp';
import { commentContentHash } from '../mapping/content-hash.js';
import { fingerprintHash, isShownVerbatim } from '#libs/issues';
import type { PushContext } from './push-context.js';
import type { OutboundWarning } from './write-args.js';
import { WritePermits } from './write-permits.js';

/** The hosted server's tool for comment edits (CONTRACT §9, #3284); the snapshot has none. */
export const UPDATE_ISSUE_COMMENT = 'update_issue_comment';

/**
 * Writes local edits of comments that are already on GitHub, with update_issue_comment when the server
 * lists it (tools/list, once per connection); otherwise the edits stay local and the issue's
 * `github_outbound.warnings` says why. Before writing, the issue's comments are read once: a comment
 * GitHub changed after the local edit keeps GitHub's text (last writer wins, like issue fields); one GitHub
 * already shows as edited is not written again. Writes go through the token's write permits (pacing), and
 * the link takes GitHub's view of the written text, so the echo in a page or webhook changes nothing.
 */
/** What CommentEditPusher did for one issue. */
export interface CommentEditPush {
  edited: number;
  mcpCalls: number;
  warnings: OutboundWarning[];
}

@Injectable()
export class CommentEditPusher {
  constructor(
    private readonly comments: OutboundCommentRepository,
    private readonly permits: WritePermits,
  ) {}

  async push(ctx: PushContext, link: IssueLinkView): Promise<CommentEditPush> {
    const outcome: CommentEditPush = { edited: 0, mcpCalls: 0, warnings: [] };
    const pending = await this.comments.pendingEdits(ctx.target.issueId);
    if (pending.length === 0) return outcome;
    if (!(await ctx.client.hasTool(UPDATE_ISSUE_COMMENT))) {
      outcome.warnings.push({
        kind: 'comment_edit_not_writable',
        message: `${pending.length} comment edit(s) stay local: the GitHub MCP server does not offer ${UPDATE_ISSUE_COMMENT}`,
        comment_ids: pending.map((edit) => edit.commentId),
      });
      return outcome;
    }
    const { owner, name } = ctx.repoSync.repository;
    outcome.mcpCalls += 1;
    const onGitHub = await this.byId(ctx, owner, name, link.githubNumber);
    for (const edit of pending) {
      const current = onGitHub.get(String(edit.githubId));
      if (current === undefined) {
        outcome.warnings.push({
          kind: 'comment_edit_not_writable',
          message: 'the comment was deleted on GitHub: the edit stays local',
          comment_ids: [edit.commentId],
        });
        await this.comments.clearEdit(edit.commentId);
      } else if (await this.settled(edit, current)) {
        continue;
      } else {
        outcome.mcpCalls += await this.write(ctx, link, edit);
        outcome.edited += 1;
      }
    }
    return outcome;
  }

  /** True when nothing is to be written: GitHub already shows the edit, or won against it. */
  private async settled(edit: PendingCommentEdit, current: GitHubIssueComment): Promise<boolean> {
    if (fingerprintHash('description', current.body) === fingerprintHash('description', edit.body)) {
      await this.comments.clearEdit(edit.commentId);
      return true;
    }
    const githubHash = commentContentHash(current.body);
    const githubUpdatedAt = new Date(current.updated_at);
    if (githubHash !== edit.contentHash && githubUpdatedAt > edit.editedAt) {
      await this.comments.applyGitHubVersion(edit.commentId, current.body, {
        contentHash: githubHash,
        githubUpdatedAt,
      });
      return true;
    }
    return false;
  }

  /** Writes one edit; returns the MCP calls it made. */
  private async write(ctx: PushContext, link: IssueLinkView, edit: PendingCommentEdit): Promise<number> {
    const { owner, name } = ctx.repoSync.repository;
    await this.permits.run(ctx.tokenKey, async () => {
      await ctx.client.updateIssueComment({
        owner,
        repo: name,
        comment_id: Number(edit.githubId),
        body: edit.body,
      });
    });
    let shown = { contentHash: commentContentHash(edit.body), githubUpdatedAt: new Date() };
    let calls = 1;
    if (!isShownVerbatim(edit.body)) {
      calls += 1;
      const after = (await this.byId(ctx, owner, name, link.githubNumber)).get(String(edit.githubId));
      if (after)
        shown = { contentHash: commentContentHash(after.body), githubUpdatedAt: new Date(after.updated_at) };
    }
    await this.comments.recordEditWritten(
      edit.commentId,
      edit.body,
      shown,
      fingerprintHash('description', edit.body),
    );
    return calls;
  }

  private async byId(ctx: PushContext, owner: string, name: string, issueNumber: number) {
    const all = await ctx.client.listAllIssueComments(owner, name, issueNumber);
    return new Map(all.map((comment) => [String(comment.id), comment]));
  }
}
