import { Injectable } from '@nestjs/common';
import { OutboundLinkRepository, OutboundStateRepository } from '#libs/db';
import { CommentEditPusher } from './comment-edit-pusher.js';
import { CommentPusher } from './comment-pusher.js';
import { resolveAgainstGitHub } from './field-resolution.js';
import { isStateHalfFailure, viewFields } from './github-view.js';
import { IssueCreator } from './issue-creator.js';
import type { PushContext, PushSummary } from './push-context.js';
import { pushRecord, sentHashes } from './push-record.js';
import { ReadBack } from './read-back.js';
import { type OutboundWarning, updateArgs } from './write-args.js';
import { WritePermits } from './write-permits.js';
import {
  type DirtyFields,
  type FieldConflict,
  type GitHubSideState,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
} from '#libs/issues';

/** What an update of edited fields did (step 2). */
interface IssueUpdate {
  /** GitHub's view read before writing (bidirectional), for the read-back comparison; else null. */
  before: LocalIssueFields | null;
  written: OutboundField[];
  stateWritten: GitHubSideState | null;
  pulled: OutboundField[];
  conflicts: FieldConflict[];
  warnings: OutboundWarning[];
  mcpCalls: number;
}

const NO_UPDATE: IssueUpdate = {
  before: null,
  written: [],
  stateWritten: null,
  pulled: [],
  conflicts: [],
  warnings: [],
  mcpCalls: 0,
};

/**
 * `sync_issue`, outbound half: writes one workspace issue (and its new comments) to GitHub. Each step
 * returns what it did; the summary is put together here.
 * 1. No link yet: create it (IssueCreator: issue_write create, never twice).
 * 2. Edited fields (and a state change still owed): for bidirectional repositories GitHub's current
 *    version is read first and compared per field (LWW, field-resolution); then one issue_write update
 *    sends only those fields. If the PATCH applied but the close/reopen failed, the written fields are
 *    recorded and only the state stays owed (`pending_state`): the retry sends just the state.
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
    private readonly creator: IssueCreator,
    private readonly comments: CommentPusher,
    private readonly commentEdits: CommentEditPusher,
    private readonly readBack: ReadBack,
  ) {}

  async push(ctx: PushContext): Promise<PushSummary> {
    let target = ctx.target;
    const creation = !target.link && !target.deleted ? await this.creator.create(ctx) : null;
    if (creation) target = (await this.state.load(target.issueId)) ?? target;
    const link = target.link;
    const summary: PushSummary = {
      issue_id: target.issueId,
      github_number: link?.githubNumber ?? null,
      created: creation?.created ?? false,
      adopted: creation?.adopted ?? false,
      written: [...(creation?.written ?? [])],
      state_written: null,
      pulled: [],
      conflicts: [],
      warnings: [...(creation?.warnings ?? [])],
      comments_created: 0,
      comments_edited: 0,
      mcp_calls: creation?.mcpCalls ?? 0,
    };
    if (!link) return summary;
    const update = await this.update({ ...ctx, target }, link.githubNumber);
    const comments = await this.comments.push({ ...ctx, target }, link);
    const edits = await this.commentEdits.push({ ...ctx, target }, link);
    summary.written.push(...update.written);
    summary.state_written = update.stateWritten;
    summary.pulled = [...update.pulled];
    summary.conflicts = [...update.conflicts];
    summary.warnings.push(...update.warnings, ...edits.warnings);
    summary.comments_created = comments.created;
    summary.comments_edited = edits.edited;
    summary.mcp_calls += update.mcpCalls + comments.mcpCalls + edits.mcpCalls;
    if (summary.created || summary.written.length > 0 || summary.state_written || comments.created > 0) {
      summary.mcp_calls += await this.readBack.run(ctx, target.issueId, link, {
        written: new Set<OutboundField>([
          ...summary.written,
          ...(summary.state_written ? ['state' as const] : []),
        ]),
        local: (await this.state.load(target.issueId))?.local ?? target.local,
        before: update.before,
        fresh: summary.created || summary.adopted,
        commentsCreated: comments.created,
        milestoneSkipped: summary.warnings.some((w) => w.kind.startsWith('milestone')),
      });
    }
    await this.state.recordWarnings(target.issueId, target.workspaceId, summary.warnings);
    return summary;
  }

  /** Step 2: the edited fields (and a state still owed) in one issue_write update. */
  private async update(ctx: PushContext, number: number): Promise<IssueUpdate> {
    const { target, repoSync } = ctx;
    const dirty: DirtyFields = { ...(target.outbound?.dirtyFields ?? {}) };
    let fields = OUTBOUND_FIELDS.filter((f) => dirty[f] !== undefined);
    const pending = (target.outbound?.pendingState ?? null) as GitHubSideState | null;
    if (fields.length === 0 && !pending) return NO_UPDATE;
    const outcome: IssueUpdate = { ...NO_UPDATE, pulled: [], conflicts: [], warnings: [] };
    let local = target.local;
    const settled: OutboundField[] = [];
    if (repoSync.direction === 'bidirectional') {
      const gh = await ctx.client.getIssue(repoSync.repository.owner, repoSync.repository.name, number);
      outcome.mcpCalls += 1;
      outcome.before = viewFields(gh, repoSync);
      const resolved = resolveAgainstGitHub(ctx.target, gh, outcome.before, dirty);
      outcome.pulled = resolved.pulled;
      outcome.conflicts = resolved.conflicts;
      fields = fields.filter((f) => !resolved.drop.has(f));
      settled.push(...resolved.same);
      if (Object.keys(resolved.pull).length > 0) {
        await this.links.applyGithubValues(target.issueId, resolved.pull, resolved.won);
        local = { ...local, ...resolved.pull };
      }
    }
    const { args, sent, state } = updateArgs(repoSync, number, local, fields, pending, outcome.warnings);
    const handled = [...new Set([...fields, ...settled, ...(state ? (['state'] as const) : [])])];
    const updated = { ...target, local };
    if (sent.length === 0 && !state) {
      if (handled.length > 0) await this.state.recordPush(target.issueId, pushRecord(updated, handled, null));
      return outcome;
    }
    outcome.mcpCalls += 1;
    try {
      await this.permits.run(ctx.tokenKey, () => ctx.client.issueWrite(args));
    } catch (error) {
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
    return { ...outcome, written: sent, stateWritten: state };
  }
}
