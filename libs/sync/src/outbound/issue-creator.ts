import { Injectable } from '@nestjs/common';
import { OutboundLinkRepository, OutboundStateRepository } from '#libs/db';
import { type IssueCreateArgs, type IssueWriteResult, McpInvalidRequestError } from '#libs/github-mcp';
import { CreateLookup } from './create-lookup.js';
import { certainlyNotCreated, issueUrl, viewOfListItem } from './github-view.js';
import type { PushContext } from './push-context.js';
import { pushRecord, sentHashes } from './push-record.js';
import { type OutboundWarning, createArgs } from './write-args.js';
import { WritePermits } from './write-permits.js';
import { compatible, type FieldHashes, fieldValue, OUTBOUND_FIELDS, type OutboundField } from '#libs/issues';

/** What IssueCreator did for an issue without a GitHub link. */
export interface IssueCreation {
  created: boolean;
  /** A create whose answer was lost was found on GitHub and linked instead of created again. */
  adopted: boolean;
  written: OutboundField[];
  warnings: OutboundWarning[];
  mcpCalls: number;
}

/**
 * Creates a workspace issue on GitHub with issue_write. A "create started" mark (time + fingerprints of
 * what is sent) is committed before the call; a retry that finds it without a link looks the issue up
 * (CreateLookup) instead of creating it twice. The `{id,url}` answer gives the link (number from the url).
 * GitHub refuses assignees it cannot assign: the issue is then created without them, with a warning.
 */
@Injectable()
export class IssueCreator {
  constructor(
    private readonly state: OutboundStateRepository,
    private readonly links: OutboundLinkRepository,
    private readonly permits: WritePermits,
    private readonly lookup: CreateLookup,
  ) {}

  async create(ctx: PushContext): Promise<IssueCreation> {
    const outcome: IssueCreation = { created: false, adopted: false, written: [], warnings: [], mcpCalls: 0 };
    const started = ctx.target.outbound;
    if (started?.createStartedAt) {
      outcome.mcpCalls += 1;
      const attempt = { startedAt: started.createStartedAt, fingerprints: started.pushedFingerprints };
      if (await this.adopt(ctx, attempt)) return { ...outcome, adopted: true };
    }
    const { target, repoSync } = ctx;
    let withAssignees = true;
    for (;;) {
      const warnings: OutboundWarning[] = [];
      const { args, handled } = createArgs(repoSync, target.local, warnings, { withAssignees });
      outcome.mcpCalls += 1;
      try {
        const result = await this.createOnce(ctx, args);
        await this.link(ctx, result);
        await this.state.recordPush(target.issueId, pushRecord(target, handled));
        outcome.created = true;
        outcome.written = handled.filter((f) => f !== 'milestone' || args.milestone !== undefined);
        outcome.warnings.push(...warnings);
        if (!withAssignees) {
          outcome.warnings.push({
            kind: 'assignees_rejected',
            message: 'GitHub refused the assignees',
            assignees: target.local.assignees,
          });
        }
        return outcome;
      } catch (error) {
        const rejectedAssignees =
          error instanceof McpInvalidRequestError && /assignees/i.test(error.message) && withAssignees;
        if (!rejectedAssignees) throw error;
        withAssignees = false;
      }
    }
  }

  /** A lost create found on GitHub is linked; true when found. */
  private async adopt(
    ctx: PushContext,
    attempt: { startedAt: Date; fingerprints: FieldHashes },
  ): Promise<boolean> {
    const { target, repoSync } = ctx;
    const found = await this.lookup.findIssue(ctx.client, repoSync, { ...attempt, login: ctx.login });
    if (!found) return false;
    await this.link(ctx, { id: null, number: found.number, url: issueUrl(repoSync, found.number) });
    // What the lost attempt sent may predate later edits: fields that still differ stay dirty.
    const view = viewOfListItem(found, target.local);
    const written = OUTBOUND_FIELDS.filter((f) =>
      f === 'state'
        ? fieldValue(target.local, f) === 'open'
        : f !== 'milestone' && compatible(f, view, target.local),
    );
    await this.state.recordPush(target.issueId, pushRecord(target, written));
    return true;
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
}
