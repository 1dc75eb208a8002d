import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import {
  InboundMergeRepository,
  IntegrationRepository,
  OutboundStateRepository,
  type OutboundTarget,
} from '#libs/db';
import { GitHubMcpClientFactory } from '#libs/github-mcp';
import {
  type JobContext,
  type JobPayloads,
  type JobName,
  PermanentJobError,
  settleFailure,
} from '#libs/queue';
import { tokenKey } from '#libs/ratelimit';
import { IntegrationTokenProvider } from '#libs/integrations';
import { GitHubJobFailures } from '../github-failures.js';
import { IssuePusher } from './issue-pusher.js';
import type { PushSummary } from './push-context.js';
import { OutboundDeferred } from './write-permits.js';
import { writesToGitHub } from '#libs/issues';

/** Longer than a job's few MCP calls with retries; a killed worker's lease expires after it. */
const LEASE_MS = 5 * 60_000;
/** Another job holds the issue's lease: try again after this long (delayed, no attempt used). */
const BUSY_RETRY_MS = 2000;
/** Beyond the MCP call timeout, how long a create GitHub received may still take to land. */
const CREATE_SETTLE_MARGIN_MS = 5000;

/** Nothing owed to GitHub: the job of an edit an earlier job already wrote (coalesced). */
export function upToDate(target: OutboundTarget): boolean {
  const o = target.outbound;
  const dirty = o ? Object.keys(o.dirtyFields).length > 0 : false;
  return (
    target.link !== null &&
    !dirty &&
    !o?.pendingState &&
    target.pendingComments.length === 0 &&
    target.pendingCommentEdits === 0
  );
}

/**
 * `sync_issue`: writes one workspace issue to GitHub (IssuePusher). One job per issue runs at a time
 * (a lease row, across workers); the token's write budget and GitHub rate limits delay the job instead
 * of failing it; a permanent GitHub refusal fails it without retries.
 */
@Injectable()
export class SyncIssueHandler {
  private readonly logger = new Logger(SyncIssueHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly state: OutboundStateRepository,
    private readonly integrations: IntegrationRepository,
    private readonly merges: InboundMergeRepository,
    private readonly pusher: IssuePusher,
    private readonly mcp: GitHubMcpClientFactory,
    private readonly tokens: IntegrationTokenProvider,
    private readonly failures: GitHubJobFailures,
  ) {}

  async handle(payload: JobPayloads[JobName.SyncIssue], context: JobContext): Promise<unknown> {
    const first = await this.state.load(payload.issueId);
    if (!first) return { skipped: 'issue_not_found' };
    const repoSync = first.repositorySync;
    if (!repoSync || !repoSync.enabled || !writesToGitHub(repoSync.direction)) {
      return { skipped: 'not_written_to_github' };
    }
    if (upToDate(first)) return { skipped: 'up_to_date' };
    const integration = await this.integrations.findById(repoSync.workspaceIntegrationId);
    if (!integration?.accessTokenEncrypted || integration.status !== 'connected') {
      throw new PermanentJobError('the GitHub integration is not connected');
    }
    if (!(await this.state.acquireLease(first.issueId, first.workspaceId, context.id, LEASE_MS))) {
      return await context.delayUntil(new Date(Date.now() + BUSY_RETRY_MS));
    }
    try {
      const target = (await this.state.load(payload.issueId)) ?? first;
      if (upToDate(target)) return { skipped: 'up_to_date' };
      const settled = this.settledAt(target);
      if (settled > Date.now()) return await context.delayUntil(new Date(settled));
      const token = await this.tokens.tokenFor(integration);
      const summary = await this.pusher.push({
        target,
        repoSync,
        client: this.mcp.forToken(token),
        // GitHub's limits apply per installation for App installations (whose tokens rotate), else per token.
        tokenKey: tokenKey(integration.installationId ? `installation:${integration.installationId}` : token),
        login: integration.githubLogin,
      });
      await this.recordConflicts(target.workspaceId, summary);
      return summary;
    } catch (error) {
      const outcome = this.failures.classify(error);
      if (outcome.kind === 'delay') {
        // A write budget's pacing is routine; a GitHub rate limit is worth a line.
        if (!(error instanceof OutboundDeferred)) {
          this.logger.warn(
            `sync_issue ${payload.issueId} waits until ${outcome.until.toISOString()}: ${outcome.reason}`,
          );
        }
      } else if (outcome.kind !== 'control') {
        await this.state.recordError(payload.issueId, error instanceof Error ? error.message : String(error));
      }
      return await settleFailure(outcome, error, context);
    } finally {
      await this.state.releaseLease(payload.issueId, context.id);
    }
  }

  /**
   * After a create whose answer was lost, GitHub may still be processing it: the look-up waits until any
   * such request must have finished (the MCP call timeout plus a margin), so it cannot miss it.
   */
  private settledAt(target: OutboundTarget): number {
    const starts = [
      ...(target.link ? [] : [target.outbound?.createStartedAt]),
      ...target.pendingComments.map((c) => c.createStartedAt),
    ].filter((d): d is Date => d instanceof Date);
    if (starts.length === 0) return 0;
    return Math.max(...starts.map((d) => d.getTime())) + this.config.mcp.timeoutMs + CREATE_SETTLE_MARGIN_MS;
  }

  private async recordConflicts(workspaceId: string, summary: PushSummary): Promise<void> {
    if (summary.conflicts.length > 0) await this.merges.auditConflicts(workspaceId, summary.conflicts);
  }
}
