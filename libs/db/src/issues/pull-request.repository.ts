import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import { appendAudit } from '../audit/audit-rows.js';
import { closeIssuesByNumber } from './issue-writes.js';

type Tx = Prisma.TransactionClient;

/** A pull request in workspace terms (libs/sync maps GitHub's shapes to this). */
export interface PullRequestRow {
  repositorySyncId: string;
  number: number;
  title: string;
  state: string;
  draft: boolean;
  merged: boolean;
  mergedAt: Date | null;
  htmlUrl: string;
  authorLogin: string | null;
  headRef: string | null;
  baseRef: string | null;
  githubUpdatedAt: Date;
  linkedIssueNumbers: number[];
}

export interface SavedPullRequest {
  /** No row existed before. */
  created: boolean;
  /** Skipped: the store already holds a newer GitHub version of this pull request. */
  stale: boolean;
  /** Something of the stored row changed. */
  changed: boolean;
  /** Local issues moved to done because the pull request was merged (only on the merge transition). */
  movedToDone: { issueId: string; number: number }[];
  /** Linked issues that exist locally (github_issue_syncs of this repository sync). */
  linkedIssueIds: string[];
}

/**
 * github_pull_requests. One transaction per pull request: the row is locked, an older view never
 * overwrites a newer one, and the merge transition (not merged → merged) moves the linked local issues
 * that are still open to done exactly once, with an audit log entry each.
 */
@Injectable()
export class PullRequestRepository {
  constructor(private readonly prisma: PrismaService) {}

  save(row: PullRequestRow): Promise<SavedPullRequest> {
    return this.prisma.$transaction(async (tx) => {
      const scope = await tx.gitHubRepositorySync.findUnique({
        where: { id: row.repositorySyncId },
        select: { workspaceId: true, workspaceIntegrationId: true },
      });
      if (!scope) throw new Error(`repository sync ${row.repositorySyncId} does not exist`);
      const inserted = await tx.$executeRaw`
        INSERT INTO github_pull_requests (id, workspace_id, repository_sync_id, github_number, title, state, html_url,
                                          github_updated_at, updated_at)
        VALUES (${randomUUID()}::uuid, ${scope.workspaceId}::uuid, ${row.repositorySyncId}::uuid, ${row.number}, '', 'open',
                ${row.htmlUrl}, to_timestamp(0), now())
        ON CONFLICT (repository_sync_id, github_number) DO NOTHING`;
      const [existing] = await tx.$queryRaw<{ id: string; merged: boolean; github_updated_at: Date }[]>`
        SELECT id::text AS id, merged, github_updated_at FROM github_pull_requests
        WHERE repository_sync_id = ${row.repositorySyncId}::uuid AND github_number = ${row.number} FOR UPDATE`;
      if (!existing) throw new Error(`pull request #${row.number} vanished while being recorded`);
      const created = inserted > 0;
      const linkedIssueIds = await this.linkedIssueIds(tx, row);
      if (!created && existing.github_updated_at.getTime() > row.githubUpdatedAt.getTime()) {
        return { created, stale: true, changed: false, movedToDone: [], linkedIssueIds };
      }
      const before = await tx.gitHubPullRequest.findUniqueOrThrow({ where: { id: existing.id } });
      const data = {
        title: row.title,
        state: row.state,
        draft: row.draft,
        merged: row.merged,
        mergedAt: row.mergedAt,
        htmlUrl: row.htmlUrl,
        authorLogin: row.authorLogin,
        headRef: row.headRef,
        baseRef: row.baseRef,
        githubUpdatedAt: row.githubUpdatedAt,
        linkedIssueNumbers: row.linkedIssueNumbers,
      };
      const changed = created || !sameRow(before, data);
      if (changed) await tx.gitHubPullRequest.update({ where: { id: existing.id }, data });
      const mergedNow = row.merged && (created || !existing.merged);
      const movedToDone = mergedNow ? await this.moveToDone(tx, row, scope) : [];
      return { created, stale: false, changed, movedToDone, linkedIssueIds };
    });
  }

  /** Newest GitHub update time of the repository's recorded pull requests (the PR listing cursor). */
  async newestUpdate(repositorySyncId: string): Promise<Date | null> {
    const found = await this.prisma.gitHubPullRequest.aggregate({
      where: { repositorySyncId },
      _max: { githubUpdatedAt: true },
    });
    const max = found._max.githubUpdatedAt;
    return max && max.getTime() > 0 ? max : null;
  }

  /** Pull requests that reference a GitHub issue number with a closing keyword. */
  listForIssueNumber(repositorySyncId: string, number: number) {
    return this.prisma.gitHubPullRequest.findMany({
      where: { repositorySyncId, linkedIssueNumbers: { has: number } },
      orderBy: { githubNumber: 'asc' },
    });
  }

  private async linkedIssueIds(tx: Tx, row: PullRequestRow): Promise<string[]> {
    if (row.linkedIssueNumbers.length === 0) return [];
    const links = await tx.gitHubIssueSync.findMany({
      where: { repositorySyncId: row.repositorySyncId, githubNumber: { in: row.linkedIssueNumbers } },
      select: { issueId: true },
    });
    return links.map((l) => l.issueId);
  }

  private async moveToDone(
    tx: Tx,
    row: PullRequestRow,
    scope: { workspaceId: string; workspaceIntegrationId: string },
  ): Promise<{ issueId: string; number: number }[]> {
    if (row.linkedIssueNumbers.length === 0) return [];
    const completedAt = row.mergedAt ?? new Date();
    const moved = await closeIssuesByNumber(tx, row.repositorySyncId, row.linkedIssueNumbers, completedAt);
    await appendAudit(
      tx,
      moved.map((m) => ({
        workspaceId: scope.workspaceId,
        integrationId: scope.workspaceIntegrationId,
        action: 'issue.closed_by_pull_request',
        targetType: 'issue',
        targetId: m.issue_id,
        details: { pull_request: row.number, github_issue_number: m.number, url: row.htmlUrl },
      })),
    );
    return moved.map((m) => ({ issueId: m.issue_id, number: m.number }));
  }
}

function sameRow(before: Record<string, unknown>, data: Record<string, unknown>): boolean {
  return Object.entries(data).every(([key, value]) => {
    const old = before[key];
    if (value instanceof Date || old instanceof Date) {
      return (value as Date | null)?.getTime() === (old as Date | null)?.getTime();
    }
    if (Array.isArray(value)) return JSON.stringify(value) === JSON.stringify(old);
    return old === value;
  });
}
