import { Injectable } from '@nestjs/common';
import { OutboundLinkRepository, OutboundStateRepository } from '#libs/db';
import { type IssueCreateArgs, type IssueWriteResult, McpInvalidRequestError } from '#libs/github-mcp';
import { CommentEditPusher } from './comment-edit-pusher.js';
import { CommentPusher } from './comment-pusher.js';
import { CreateLookup } from './create-lookup.js';
import { certainlyNotCreated, isStateHalfFailure, viewFields } from './github-view.js';
import {
  compatible,
  issueUrl,
  pushRecord,
  resolveAgainstGitHub,
  sentHashes,
  viewOfListItem,
} from './push-helpers.js';
import { ReadBack } from './read-back.js';
import { type OutboundWarning, createArgs, updateArgs } from './write-args.js';
import { WritePermits } from './write-permits.js';
import type { PushContext, PushSummary } from './push-context.js';
import {
  type DirtyFields,
  fieldValue,
  type GitHubSideState,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
} from '#libs/issues';

/**
 * `sync_issue`, outbound half: writes one workspace issue (and its new comments) to GitHub.
 * 1. No link yet: create with issue_write. A "create started" mark (time + fingerprints of what is sent)
 *    is committed before the call; a retry that finds it without a link looks the issue up (CreateLookup)
 *    instead of creating it twice. The `{id,url}` answer gives the link (number parsed from the url).
 * 2. Edited fields (and a state change still owed): for bidirectional repositories GitHub's current
 *    version is read first and compared per field (LWW, see conflicts/); then one issue_write update sends
 *    only those fields. If the PATCH applied but the close/reopen failed, the written fields are recorded
 *    and only the state stays owed (`pending_state`): the retry sends just the state.
 * 3. New local comments with add_issue_comment (comment-pusher); edits of comments already on GitHub with
 *    update_issue_comment where the server offers it (comment-edit-pusher).
 * 4. Read back once: the hashes of what GitHub now shows become the echo base, so our write seen again in a
 *    page or webhook changes nothing.
 */
@Injectable()
export class IssuePusher {
  constructor(
    private readonly state: OutboundStateRepository,
    private readonly links: OutboundLinkRepository,
    private readonly permits: WritePermits,
    private readonly lookup: CreateLookup,
    private readonly comments: CommentPusher,
    private readonly commentEdits: CommentEditPusher,
    private readonly readBack: ReadBack,
  ) {}

  async push(ctx: PushContext): Promise<PushSummary> {
    const summary: PushSummary = {
      issue_id: ctx.target.issueId,
      github_number: ctx.target.link?.githubNumber ?? null,
      created: false,
      adopted: false,
      written: [],
      state_written: null,
      pulled: [],
      conflicts: [],
      warnings: [],
      comments_created: 0,
      comments_edited: 0,
      mcp_calls: 0,
    };
    let target = ctx.target;
    if (!target.link) {
      if (target.deleted) return summary;
      await this.create(ctx, summary);
      target = (await this.state.load(target.issueId)) ?? target;
    }
    const link = target.link;
    if (!link) return summary;
    summary.github_number = link.githubNumber;
    const before = await this.update({ ...ctx, target }, link.githubNumber, summary);
    summary.comments_created = await this.comments.push({ ...ctx, target }, link, summary);
    summary.comments_edited = await this.commentEdits.push({ ...ctx, target }, link, summary);
    if (
      summary.created ||
      summary.written.length > 0 ||
      summary.state_written ||
      summary.comments_created > 0
    ) {
      summary.mcp_calls += await this.readBack.run(ctx, target.issueId, link, {
        written: new Set<OutboundField>([
          ...summary.written,
          ...(summary.state_written ? ['state' as const] : []),
        ]),
        local: (await this.state.load(target.issueId))?.local ?? target.local,
        before,
        fresh: summary.created || summary.adopted,
        commentsCreated: summary.comments_created,
        milestoneSkipped: summary.warnings.some((w) => w.kind.startsWith('milestone')),
      });
    }
    await this.state.recordWarnings(target.issueId, target.workspaceId, summary.warnings);
    return summary;
  }

  private async create(ctx: PushContext, summary: PushSummary): Promise<void> {
    const { target, repoSync, client } = ctx;
    const outbound = target.outbound;
    if (outbound?.createStartedAt) {
      summary.mcp_calls += 1;
      const found = await this.lookup.findIssue(client, repoSync, {
        startedAt: outbound.createStartedAt,
        fingerprints: outbound.pushedFingerprints,
        login: ctx.login,
      });
      if (found) {
        await this.link(ctx, { id: null, number: found.number, url: issueUrl(repoSync, found.number) });
        // What the lost attempt sent may predate later edits: fields that still differ stay dirty.
        const view = viewOfListItem(found, target.local);
        const written = OUTBOUND_FIELDS.filter((f) =>
          f === 'state'
            ? fieldValue(target.local, f) === 'open'
            : f !== 'milestone' && compatible(f, view, target.local),
        );
        await this.state.recordPush(target.issueId, pushRecord(target, written));
        summary.adopted = true;
        return;
      }
    }
    let withAssignees = true;
    for (;;) {
      const warnings: OutboundWarning[] = [];
      const { args, handled } = createArgs(repoSync, target.local, warnings, { withAssignees });
      try {
        const result = await this.createOnce(ctx, args);
        summary.mcp_calls += 1;
        await this.link(ctx, result);
        await this.state.recordPush(target.issueId, pushRecord(target, handled));
        summary.created = true;
        summary.written.push(...handled.filter((f) => f !== 'milestone' || args.milestone !== undefined));
        summary.warnings.push(...warnings);
        if (!withAssignees) {
          summary.warnings.push({
            kind: 'assignees_rejected',
            message: 'GitHub refused the assignees',
            assignees: target.local.assignees,
          });
        }
        return;
      } catch (error) {
        summary.mcp_calls += 1;
        const rejectedAssignees =
          error instanceof McpInvalidRequestError && /assignees/i.test(error.message) && withAssignees;
        if (!rejectedAssignees) throw error;
        withAssignees = false; // GitHub refuses logins it cannot assign: create without them, warn
      }
    }
  }

  private async createOnce(ctx: PushContext, args: IssueCreateArgs): Promise<IssueWriteResult> {
    const { target, repoSync } = ctx;
    return this.permits.run(ctx.tokenKey, async () => {
      await this.state.markCreateStarted(
        target.issueId,
        repoSync.id,
        new Date(),
        sentHashes(target.local, OUTBOUND_FIELDS),
      );
      try {
        return await ctx.client.issueWrite(args);
      } catch (error) {
        if (certainlyNotCreated(error)) await this.state.clearCreateStarted(target.issueId);
        throw error;
      }
    });
  }

  private async link(
    ctx: PushContext,
    result: { id: string | null; number: number; url: string },
  ): Promise<void> {
    await this.links.recordLink(ctx.target.issueId, ctx.target.workspaceId, {
      repositorySyncId: ctx.repoSync.id,
      number: result.number,
      githubId: result.id === null ? null : BigInt(result.id),
      url: result.url,
      githubUpdatedAt: new Date(),
      contentHash: 'outbound:unread',
    });
  }

  /** Step 2; returns GitHub's view read before writing (bidirectional), for the read-back comparison. */
  private async update(
    ctx: PushContext,
    number: number,
    summary: PushSummary,
  ): Promise<LocalIssueFields | null> {
    const { target, repoSync } = ctx;
    const dirty: DirtyFields = { ...(target.outbound?.dirtyFields ?? {}) };
    let fields = OUTBOUND_FIELDS.filter((f) => dirty[f] !== undefined);
    const pending = (target.outbound?.pendingState ?? null) as GitHubSideState | null;
    if (fields.length === 0 && !pending) return null;
    let local = target.local;
    let before: LocalIssueFields | null = null;
    const settled: OutboundField[] = [];
    if (repoSync.direction === 'bidirectional') {
      const gh = await ctx.client.getIssue(repoSync.repository.owner, repoSync.repository.name, number);
      summary.mcp_calls += 1;
      before = viewFields(gh, repoSync);
      const resolved = resolveAgainstGitHub(ctx.target, gh, before, dirty, summary);
      fields = fields.filter((f) => !resolved.drop.has(f));
      settled.push(...resolved.same);
      if (Object.keys(resolved.pull).length > 0) {
        await this.links.applyGithubValues(target.issueId, resolved.pull, resolved.won);
        local = { ...local, ...resolved.pull };
      }
    }
    const warnings: OutboundWarning[] = [];
    const { args, sent, state } = updateArgs(repoSync, number, local, fields, pending, warnings);
    summary.warnings.push(...warnings);
    const handled = [...new Set([...fields, ...settled, ...(state ? (['state'] as const) : [])])];
    const updated = { ...target, local };
    if (sent.length === 0 && !state) {
      if (handled.length > 0) await this.state.recordPush(target.issueId, pushRecord(updated, handled, null));
      return before;
    }
    try {
      await this.permits.run(ctx.tokenKey, () => ctx.client.issueWrite(args));
      summary.mcp_calls += 1;
    } catch (error) {
      summary.mcp_calls += 1;
      if (state && isStateHalfFailure(error)) {
        // The PATCH applied: record it, owe GitHub only the state change.
        const partial = handled.filter((f) => f !== 'state');
        await this.state.recordPush(target.issueId, {
          ...pushRecord(updated, handled),
          pushedHashes: sentHashes(local, partial).hashes,
          pendingState: state,
        });
      }
      throw error;
    }
    await this.state.recordPush(target.issueId, pushRecord(updated, handled, null));
    summary.written.push(...sent);
    summary.state_written = state;
    return before;
  }
}
