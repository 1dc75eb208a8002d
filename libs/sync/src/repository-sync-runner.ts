import { Injectable, Logger } from '@nestjs/common';
import {
  type GitHubSyncJob,
  IntegrationRepository,
  IssueSyncStore,
  type RepositorySyncWithRepo,
  type SyncCheckpoint,
  SyncJobRepository,
} from '#libs/db';
import { ClosedIssueFeed } from './close-details/closed-issue-feed.js';
import { prefetch } from './concurrency.js';
import { type RunSummary, addTo, emptySummary, isPowerOf4, latest, maxIso } from './run-summary.js';
import { InboundMerger } from './conflicts/inbound-merger.js';
import { SyncJobEvents } from './events/sync-job-events.js';
import { IssuePageReader, type IssueReader, type ReadPage } from './issue-page-reader.js';
import { parseStateMapping } from '#libs/issues';
import { NumberBitmap } from './number-bitmap.js';

/** Incremental passes re-read a little before the cursor, so clock skew cannot lose an update. */
export const SINCE_OVERLAP_MS = 60_000;

export interface RunOptions {
  batchSize: number;
  commentConcurrency: number;
  /** Search answers count only for issues updated at least this long before (the index lags). */
  searchLagMs: number;
  /** Longest wait for the search bucket before close reasons fall back to issue_read. */
  searchMaxWaitMs: number;
  /** Wait after a rate limit answer without a reset time. */
  rateLimitWaitMs: number;
}

/**
 * from_github pass over one repository sync. Pages are read one ahead of the write, and each page
 * commits together with the job checkpoint, so a retried or resumed job continues where it stopped
 * and a re-run is a no-op. Memory holds at most two pages whatever the repository size (plus one bit per
 * issue number seen, for the soft-delete of issues GitHub no longer has).
 */
@Injectable()
export class RepositorySyncRunner {
  private readonly logger = new Logger(RepositorySyncRunner.name);

  constructor(
    private readonly jobs: SyncJobRepository,
    private readonly integrations: IntegrationRepository,
    private readonly store: IssueSyncStore,
    private readonly inbound: InboundMerger,
    private readonly events: SyncJobEvents,
  ) {}

  async run(job: GitHubSyncJob, repoSync: RepositorySyncWithRepo, client: IssueReader, options: RunOptions) {
    const repo = { owner: repoSync.repository.owner, name: repoSync.repository.name };
    const checkpoint = this.startingPoint(job, repoSync);
    const summary = emptySummary();
    const since = checkpoint.since ? new Date(checkpoint.since) : null;
    // A resumed pass lists only issues updated at or after the pages it wrote.
    const searchFrom = checkpoint.fromStart
      ? since
      : new Date(checkpoint.maxUpdatedAt ?? checkpoint.since ?? 0);
    const feed = new ClosedIssueFeed(client, {
      owner: repo.owner,
      repo: repo.name,
      since: searchFrom,
      maxWaitMs: options.searchMaxWaitMs,
      rateLimitWaitMs: options.rateLimitWaitMs,
    });
    const reader = new IssuePageReader(client, {
      includeComments: repoSync.includeComments,
      concurrency: options.commentConcurrency,
      mapping: parseStateMapping(repoSync.stateMapping),
      feed,
      searchLagMs: options.searchLagMs,
    });
    try {
      await this.pass(job, repoSync, reader, { checkpoint, summary, since, batchSize: options.batchSize });
    } finally {
      feed.stop();
    }
    summary.search_calls = feed.calls;
    summary.mcp_calls += feed.calls;
    summary.search_gave_up = feed.gaveUp;
    if (feed.gaveUp)
      this.logger.warn(`job ${job.jobId}: search stopped (${feed.gaveUp}); issue_read filled in`);
    const cursor = latest(repoSync.lastCursor, checkpoint.maxUpdatedAt);
    await this.integrations.recordSyncFinished(repoSync.id, cursor, new Date());
    summary.cursor = cursor?.toISOString() ?? null;
    summary.wait_read_ms = Math.round(summary.wait_read_ms);
    summary.write_ms = Math.round(summary.write_ms);
    return summary;
  }

  private async pass(
    job: GitHubSyncJob,
    repoSync: RepositorySyncWithRepo,
    reader: IssuePageReader,
    state: { checkpoint: SyncCheckpoint; summary: RunSummary; since: Date | null; batchSize: number },
  ): Promise<void> {
    const { checkpoint, summary, since, batchSize } = state;
    const repo = { owner: repoSync.repository.owner, name: repoSync.repository.name };
    const scope = { id: repoSync.id, workspaceId: repoSync.workspaceId, projectId: repoSync.projectId };

    const readPage = async (after: string | null): Promise<ReadPage> => {
      const list = await reader.list({ repo, perPage: batchSize, after, since });
      const links = await this.store.findLinks(
        repoSync.id,
        list.issues.map((i) => i.number),
      );
      return reader.details(repo, list, links);
    };

    const seen = new NumberBitmap();
    const passStartedAt = new Date();
    let pending = prefetch(() => readPage(checkpoint.after));
    for (;;) {
      let mark = performance.now();
      const page = await pending;
      summary.wait_read_ms += performance.now() - mark;
      const next = page.list.pageInfo.hasNextPage ? page.list.pageInfo.endCursor : undefined;
      if (next) pending = prefetch(() => readPage(next));
      for (const issue of page.list.issues) seen.add(issue.number);
      checkpoint.after = next ?? checkpoint.after;
      checkpoint.pages += 1;
      checkpoint.phase = next ? 'listing' : 'done';
      checkpoint.maxUpdatedAt = maxIso(checkpoint.maxUpdatedAt, page.records);
      mark = performance.now();
      // Bidirectional: fields edited locally and not yet on GitHub are kept (or resolved last-writer-wins).
      const merge = await this.inbound.merge(repoSync, page.records);
      const written = await this.store.writePage(scope, merge.records, {
        jobId: job.jobId,
        checkpoint: (result) => {
          checkpoint.fetched += page.list.issues.length;
          checkpoint.written += result.created + result.updated;
          checkpoint.skipped += result.unchanged + result.stale;
          checkpoint.failed += page.failed.length;
          return checkpoint;
        },
        itemsTotal: page.list.totalCount,
        synced: page.records.length,
        failed: page.failed.length,
      });
      // The page's progress is committed: tell live streams (never waits for Redis).
      this.events.changed({ jobId: job.jobId, workspaceId: job.workspaceId, status: 'running' });
      await this.inbound.commit(merge, job.jobId);
      summary.write_ms += performance.now() - mark;
      addTo(summary, page, written);
      if (written.created > 0 && isPowerOf4(summary.pages)) await this.store.refreshStatistics();
      if (page.failed.length > 0) {
        this.logger.warn(`job ${job.jobId}: issues vanished during the pass: ${page.failed.join(', ')}`);
      }
      if (!next) break;
    }

    // A complete full pass saw every issue GitHub still has here: the others were deleted or transferred.
    if (checkpoint.since === null && checkpoint.fromStart && checkpoint.failed === 0) {
      summary.soft_deleted = await this.store.softDeleteMissing(repoSync.id, seen.bytes(), passStartedAt);
    }
  }

  private startingPoint(job: GitHubSyncJob, repoSync: RepositorySyncWithRepo): SyncCheckpoint {
    const saved = job.checkpoint as Partial<SyncCheckpoint> | null;
    if (saved && typeof saved === 'object' && typeof saved.pages === 'number') {
      const defaults = { phase: 'listing' as const, fetched: 0, written: 0, skipped: 0, failed: 0 };
      return { ...defaults, ...(saved as SyncCheckpoint), fromStart: false };
    }
    const since =
      job.full || !repoSync.lastCursor ? null : new Date(repoSync.lastCursor.getTime() - SINCE_OVERLAP_MS);
    return {
      after: null,
      since: since?.toISOString() ?? null,
      maxUpdatedAt: null,
      pages: 0,
      phase: 'listing',
      fetched: 0,
      written: 0,
      skipped: 0,
      failed: 0,
      fromStart: true,
    };
  }
}
