import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import {
  type GitHubSyncJob,
  IntegrationRepository,
  type RepositorySyncWithRepo,
  SyncJobRepository,
  type WorkspaceIntegration,
} from '#libs/db';
import {
  GitHubMcpClientFactory,
  GitHubMcpError,
  McpNotFoundError,
  McpUnauthorizedError,
} from '#libs/github-mcp';
import {
  ExclusiveLocks,
  type JobContext,
  type JobOutcome,
  type JobPayloads,
  type JobName,
  PermanentJobError,
  isFinalAttempt,
  settleFailure,
} from '#libs/queue';
import { IntegrationTokenProvider } from '#libs/integrations';
import { SecretUnreadableError } from '#libs/secrets';
import { SyncJobEvents } from './events/sync-job-events.js';
import { GitHubJobFailures } from './github-failures.js';
import { OutboundPass } from './outbound/outbound-pass.js';
import { PullRequestSync, shouldListPullRequests } from './pull-requests/pull-request-sync.js';
import { RepositorySyncRunner } from './repository-sync-runner.js';
import { writesToGitHub } from '#libs/issues';

/** Which worker process ran a job (recorded in the job's metadata for operators). */
const WORKER_ID = `${hostname()}:${process.pid}`;
/** A job that finds its repository being synced by another job waits this long and looks again. */
const LOCKED_RETRY_MS = 5_000;

/** `sync_repository`: runs one github_sync_jobs row and keeps its status honest. */
@Injectable()
export class SyncRepositoryHandler {
  private readonly logger = new Logger(SyncRepositoryHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: SyncJobRepository,
    private readonly integrations: IntegrationRepository,
    private readonly runner: RepositorySyncRunner,
    private readonly mcp: GitHubMcpClientFactory,
    private readonly tokens: IntegrationTokenProvider,
    private readonly locks: ExclusiveLocks,
    private readonly pullRequests: PullRequestSync,
    private readonly outbound: OutboundPass,
    private readonly events: SyncJobEvents,
    private readonly failures: GitHubJobFailures,
  ) {}

  async handle(payload: JobPayloads[JobName.SyncRepository], context: JobContext): Promise<unknown> {
    const job = await this.jobs.findByJobId(payload.syncJobId);
    if (!job) throw new PermanentJobError(`sync job ${payload.syncJobId} does not exist`);
    if (this.finished(job)) return { skipped: job.status };
    const repoSync = job.repositorySyncId
      ? await this.integrations.findRepositorySync(job.repositorySyncId)
      : null;
    const integration = await this.integrations.findById(job.workspaceIntegrationId);
    if (!repoSync || !integration?.accessTokenEncrypted || integration.status !== 'connected') {
      const message = !repoSync
        ? 'the repository is no longer connected'
        : 'the GitHub integration is not connected';
      this.events.changed(await this.jobs.recordError(job.jobId, message, {}, true));
      throw new PermanentJobError(message);
    }

    // One repository is never synced by two jobs at once, whichever workers they land on.
    // BullMQ can hand a job whose lock lapsed (a busy or dead worker) to another worker while the first
    // execution may still run, so the lock belongs to this execution, not to the job: any other waits.
    const owner = `${context.id}:${WORKER_ID}:${randomUUID()}`;
    // Held as long as BullMQ's own job lock (renewed while held): a killed worker's repository is free
    // again about when BullMQ hands its job to another worker, not a minute later.
    const lock = await this.locks.acquire(
      `repository-sync:${repoSync.id}`,
      owner,
      this.config.queue.lockDurationMs,
    );
    if (!lock) return context.delayUntil(new Date(Date.now() + LOCKED_RETRY_MS));
    try {
      // Read again under the lock: another delivery of this job may have finished it between the first
      // read and the lock (it held the lock then), and must not be run a second time from a stale row.
      const current = await this.jobs.findByJobId(job.jobId);
      if (!current || this.finished(current)) return { skipped: current?.status ?? 'deleted' };
      return await this.runLocked(current, repoSync, integration, context);
    } finally {
      await lock.release();
    }
  }

  private finished(job: GitHubSyncJob): boolean {
    const done = job.status === 'completed' || job.status === 'cancelled' || job.status === 'failed';
    if (done) this.logger.log(`sync job ${job.jobId} is already ${job.status}; nothing to do`);
    return done;
  }

  private async runLocked(
    job: GitHubSyncJob,
    repoSync: RepositorySyncWithRepo,
    integration: WorkspaceIntegration,
    context: JobContext,
  ): Promise<unknown> {
    this.events.changed(await this.jobs.markRunning(job.jobId, context.attemptsMade + 1, WORKER_ID));
    try {
      const client = this.mcp.forToken(await this.tokens.tokenFor(integration));
      const summary: Record<string, number | string | null> = {
        ...(await this.runner.run(job, repoSync, client, {
          batchSize: this.config.sync.maxBatchSize,
          commentConcurrency: this.config.sync.commentConcurrency,
          searchLagMs: this.config.sync.searchLagMs,
          searchMaxWaitMs: this.config.sync.searchMaxWaitMs,
          rateLimitWaitMs: this.config.sync.rateLimitWaitMs,
        })),
      };
      // Pull requests: listed on full, first and manual passes (webhooks cover periodic ones).
      if (shouldListPullRequests(job, repoSync)) {
        const full = job.full || repoSync.lastCursor === null;
        Object.assign(summary, await this.pullRequests.run(repoSync, client, { full }));
      }
      // to_github / bidirectional: local changes still owed to GitHub get their sync_issue jobs.
      if (writesToGitHub(repoSync.direction)) {
        Object.assign(summary, await this.outbound.enqueuePending(repoSync, job.jobId));
      }
      this.events.changed(await this.jobs.complete(job.jobId, summary));
      return { ...summary, direction: job.direction }; // direction: for github_mcp_sync_total
    } catch (error) {
      const outcome = this.failures.classify(error);
      if (outcome.kind === 'delay') await this.recordWait(job, outcome);
      else if (outcome.kind !== 'control') {
        const message = error instanceof Error ? error.message : String(error);
        await this.recordLostAccess(error, integration, repoSync);
        const final = isFinalAttempt(outcome, context);
        this.events.changed(await this.jobs.recordError(job.jobId, message, describe(error, context), final));
      }
      return await settleFailure(outcome, error, context);
    }
  }

  /**
   * A token GitHub refuses (401) stops the integration; a repository that answers 404 to listing its
   * issues (deleted, or no longer visible to this identity) stops that sync; a stored token that does not
   * decrypt for this row (copied from another, or its key is gone) stops the integration. Each is marked
   * with the reason, so webhooks for them are no longer applied and the next sync is not tried for nothing.
   */
  private async recordLostAccess(
    error: unknown,
    integration: WorkspaceIntegration,
    repoSync: RepositorySyncWithRepo,
  ): Promise<void> {
    const name = `${repoSync.repository.owner}/${repoSync.repository.name}`;
    if (error instanceof McpUnauthorizedError) {
      const reason = `GitHub rejected the token (401) while syncing ${name}: connect GitHub again`;
      this.logger.warn(`integration ${integration.id}: ${reason}`);
      await this.integrations.markLostAccess(integration.id, reason);
    } else if (error instanceof McpNotFoundError && error.tool === 'list_issues') {
      const reason = `GitHub answered 404 for ${name} (deleted, or this identity lost access): sync disabled`;
      this.logger.warn(`repository sync ${repoSync.id}: ${reason}`);
      await this.integrations.disableRepositorySync(repoSync.id, reason);
    } else if (error instanceof SecretUnreadableError) {
      const reason = `the stored GitHub token cannot be used (${error.message}): connect GitHub again`;
      this.logger.warn(`integration ${integration.id}: ${reason}`);
      await this.integrations.markLostAccess(integration.id, reason);
    }
  }

  /** A wait is no failure: the job stays running, with when and why in its metadata. */
  private async recordWait(job: GitHubSyncJob, outcome: Extract<JobOutcome, { kind: 'delay' }>) {
    this.logger.warn(`sync job ${job.jobId} waits until ${outcome.until.toISOString()}: ${outcome.reason}`);
    await this.jobs.mergeMetadata(job.jobId, {
      rate_limited_until: outcome.until.toISOString(),
      last_rate_limit: outcome.reason,
    });
    this.events.changed({ jobId: job.jobId, workspaceId: job.workspaceId, status: 'running' });
  }
}

function describe(error: unknown, context: JobContext): Record<string, unknown> {
  const details: Record<string, unknown> = {
    attempt: context.attemptsMade + 1,
    max_attempts: context.maxAttempts,
  };
  if (error instanceof GitHubMcpError) Object.assign(details, { kind: error.kind, tool: error.tool });
  if (error instanceof Error) details.error = error.name;
  return details;
}
