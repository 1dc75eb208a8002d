import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import { lockIssues } from '../sql/advisory-lock.js';
import { ensureLabels } from '../sql/bulk-sql.js';
import {
  insertPageIssues,
  replaceLabelsAndAssignees,
  touchLinks,
  updateIssues,
} from './issue-page-writes.js';
import { softDeleteUnseen } from './issue-writes.js';
import { CommentWriter } from '../comments/comment-writer.js';
import type {
  GitHubIssueRecord,
  IssueLink,
  PageProgress,
  PageWriteResult,
  RepositorySyncScope,
} from './issue-sync-store.types.js';

type Tx = Prisma.TransactionClient;

/**
 * Writes pages of GitHub issues into workspace issues, their links, labels, assignees and comments.
 * A page and the job's checkpoint commit in one transaction, so a killed worker resumes exactly there.
 */
@Injectable()
export class IssueSyncStore {
  private readonly comments = new CommentWriter();

  constructor(private readonly prisma: PrismaService) {}

  findLinks(repositorySyncId: string, numbers: number[]): Promise<Map<number, IssueLink>> {
    return this.linksIn(this.prisma, repositorySyncId, numbers);
  }

  /**
   * Soft-deletes the workspace issues of a repository whose GitHub numbers a complete pass did not see:
   * issues deleted on GitHub or transferred away. `seen` is a bitmap: bit n (of byte ⌊n/8⌋, least
   * significant first, as `get_bit` reads it) is set for number n. Returns how many were marked.
   */
  softDeleteMissing(
    repositorySyncId: string,
    seen: Uint8Array<ArrayBuffer>,
    passStartedAt: Date,
  ): Promise<number> {
    // Links made after the pass began (an issue this system just created on GitHub) are not missing.
    return softDeleteUnseen(this.prisma, repositorySyncId, seen, passStartedAt);
  }

  /**
   * Refreshes planner statistics of the tables a sync fills. On a first sync the tables grow from empty
   * faster than autovacuum analyzes them, and foreign-key checks planned for tiny tables turn into scans
   * that make each page slower than the last (measured: 30 ms → 600 ms per page over 10,000 issues).
   */
  async refreshStatistics(): Promise<void> {
    await this.prisma.$executeRaw`
      ANALYZE issues, issue_comments, github_issue_syncs, github_comment_syncs, issue_labels, issue_assignees, labels`;
  }

  async writePage(
    scope: RepositorySyncScope,
    issues: GitHubIssueRecord[],
    progress: PageProgress,
  ): Promise<PageWriteResult> {
    return this.prisma.$transaction(
      async (tx) => {
        // Same per-issue locks as webhook writers: the "is it newer?" check below cannot race with them.
        await lockIssues(
          tx,
          scope.id,
          issues.map((i) => i.number),
        );
        const links = await this.linksIn(
          tx,
          scope.id,
          issues.map((i) => i.number),
        );
        // Never let an older view of an issue overwrite a newer one (webhooks and pages interleave).
        const current = issues.filter((i) => !isOlder(i, links.get(i.number)));
        const fresh = current.filter((i) => !links.has(i.number));
        const changed = current.filter((i) => {
          const link = links.get(i.number);
          return link && (link.contentHash !== i.contentHash || link.deleted || milestoneMoved(i, link));
        });
        const labelIds = await this.ensureLabels(tx, scope, [...fresh, ...changed]);
        const createdLinks = await insertPageIssues(tx, scope, fresh);
        await updateIssues(tx, changed, links);
        const touched = [...createdLinks, ...changed.map((i) => ({ issue: i, link: links.get(i.number)! }))];
        await replaceLabelsAndAssignees(
          tx,
          touched.map((t) => ({ issueId: t.link.issueId, issue: t.issue })),
          labelIds,
        );
        await touchLinks(tx, current, links);
        const allLinks = new Map([...links, ...createdLinks.map((c) => [c.issue.number, c.link] as const)]);
        const commentStats = await this.comments.write(tx, scope.workspaceId, current, allLinks);
        const result: PageWriteResult = {
          created: fresh.length,
          updated: changed.length,
          unchanged: issues.length - fresh.length - changed.length,
          stale: issues.length - current.length,
          ...commentStats,
        };
        await this.saveProgress(tx, progress, result);
        return result;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }

  private async linksIn(tx: Tx, repositorySyncId: string, numbers: number[]) {
    const rows = await tx.gitHubIssueSync.findMany({
      where: { repositorySyncId, githubNumber: { in: numbers } },
      include: { issue: { select: { state: true, deletedAt: true, milestone: true } } },
    });
    const map = new Map<number, IssueLink>();
    for (const r of rows) {
      map.set(r.githubNumber, {
        issueId: r.issueId,
        issueSyncId: r.id,
        number: r.githubNumber,
        contentHash: r.contentHash,
        commentCount: r.githubCommentCount,
        githubUpdatedAt: r.githubUpdatedAt,
        state: r.issue.state,
        milestone: r.issue.milestone,
        deleted: r.issue.deletedAt !== null,
      });
    }
    return map;
  }

  private ensureLabels(tx: Tx, scope: RepositorySyncScope, issues: GitHubIssueRecord[]) {
    const names = [...new Set(issues.flatMap((i) => i.labels))];
    return ensureLabels(
      tx,
      scope.workspaceId,
      scope.projectId,
      names,
      names.map(() => randomUUID()),
    );
  }

  private async saveProgress(tx: Tx, progress: PageProgress, result: PageWriteResult) {
    await tx.$executeRaw`
      UPDATE github_sync_jobs SET
        items_synced = items_synced + ${progress.synced},
        items_failed = items_failed + ${progress.failed},
        items_total = GREATEST(items_total, ${progress.itemsTotal ?? 0}, items_synced + ${progress.synced} + items_failed + ${progress.failed}),
        checkpoint = ${JSON.stringify(progress.checkpoint(result))}::jsonb,
        updated_at = now()
      WHERE job_id = ${progress.jobId}`;
  }
}

/** A view that carries the milestone and differs from the stored one (the hash does not cover it). */
function milestoneMoved(issue: GitHubIssueRecord, link: IssueLink): boolean {
  return issue.milestone !== undefined && issue.milestone !== link.milestone;
}

function isOlder(issue: GitHubIssueRecord, link: IssueLink | undefined): boolean {
  return link !== undefined && issue.updatedAt.getTime() < link.githubUpdatedAt.getTime();
}
