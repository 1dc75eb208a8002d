import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import { issueLockKey, lockRecord } from '../sql/advisory-lock.js';
import { ensureLabels } from '../sql/bulk-sql.js';
import { snapshotOutcome } from './issue-batch-plan.js';
import { findLinkedIssue, replaceAssignees, replaceLabels, updateLink } from './issue-event-sql.js';
import { createIssue, softDeleteIssue, updateIssueFields } from './issue-writes.js';
import type {
  IssueApplyResult,
  IssueDeleteOutcome,
  IssueLinkRef,
  IssueSnapshot,
} from './issue-event.types.js';
import type { RepositorySyncScope } from './issue-sync-store.types.js';
import { sameSet } from '#libs/issues';

type Tx = Prisma.TransactionClient;

/**
 * Single-issue writes from webhooks. Each write locks the (repository sync, number) pair, so concurrent
 * events of one issue apply one after the other, and a snapshot older than the stored GitHub `updated_at`
 * never overwrites newer data. A soft-deleted (deleted or transferred) issue is never brought back by a
 * late event. The link's comment count only follows the comments actually stored, so that a sync still
 * fetches the comments a webhook could not provide.
 */
@Injectable()
export class IssueEventStore {
  constructor(private readonly prisma: PrismaService) {}

  applySnapshot(scope: RepositorySyncScope, snapshot: IssueSnapshot): Promise<IssueApplyResult> {
    return this.prisma.$transaction(async (tx) => {
      await lockRecord(tx, issueLockKey(scope.id, snapshot.number));
      const link = await findLinkedIssue(tx, scope.id, snapshot.number);
      if (!link) {
        const created = await this.create(tx, scope, snapshot, null);
        return { outcome: 'created' as const, link: created };
      }
      const ref = { issueId: link.issueId, issueSyncId: link.id };
      const outcome = snapshotOutcome(link, snapshot);
      if (outcome === 'deleted' || outcome === 'stale') return { outcome, link: ref };
      const changed = outcome === 'updated';
      if (changed) {
        await updateIssueFields(tx, link.issueId, snapshot);
        if (!sameSet(link.labels, snapshot.labels)) await this.setLabels(tx, scope, link.issueId, snapshot);
        if (!sameSet(link.assignees, snapshot.assignees)) {
          await replaceAssignees(tx, link.issueId, [...new Set(snapshot.assignees)]);
        }
      }
      if (changed || link.githubUpdatedAt.getTime() !== snapshot.updatedAt.getTime()) {
        await updateLink(tx, link.id, snapshot);
      }
      return { outcome, link: ref };
    });
  }

  /**
   * Soft-deletes the issue (deleted or transferred on GitHub). An issue never seen before is stored as a
   * deleted tombstone, so an older event delivered late cannot create it.
   */
  softDelete(
    scope: RepositorySyncScope,
    snapshot: IssueSnapshot,
    at: Date,
  ): Promise<{ outcome: IssueDeleteOutcome; link: IssueLinkRef }> {
    return this.prisma.$transaction(async (tx) => {
      await lockRecord(tx, issueLockKey(scope.id, snapshot.number));
      const link = await findLinkedIssue(tx, scope.id, snapshot.number);
      if (!link) {
        const created = await this.create(tx, scope, snapshot, at);
        return { outcome: 'tombstoned' as const, link: created };
      }
      const ref = { issueId: link.issueId, issueSyncId: link.id };
      if (link.deletedAt) return { outcome: 'already_deleted' as const, link: ref };
      await softDeleteIssue(tx, link.issueId, at);
      const newest = Math.max(link.githubUpdatedAt.getTime(), snapshot.updatedAt.getTime());
      await tx.gitHubIssueSync.update({
        where: { id: link.id },
        data: { githubUpdatedAt: new Date(newest), lastSyncedAt: new Date() },
      });
      return { outcome: 'deleted' as const, link: ref };
    });
  }

  async findLink(repositorySyncId: string, number: number): Promise<IssueLinkRef | null> {
    const link = await findLinkedIssue(this.prisma, repositorySyncId, number);
    return link ? { issueId: link.issueId, issueSyncId: link.id } : null;
  }

  private async create(
    tx: Tx,
    scope: RepositorySyncScope,
    snapshot: IssueSnapshot,
    deletedAt: Date | null,
  ): Promise<IssueLinkRef> {
    const [row] = await tx.$queryRaw<{ issue_sequence: number }[]>`
      UPDATE projects SET issue_sequence = issue_sequence + 1, updated_at = now()
      WHERE id = ${scope.projectId}::uuid RETURNING issue_sequence`;
    if (!row) throw new Error(`project ${scope.projectId} does not exist`);
    const issueId = randomUUID();
    await createIssue(tx, {
      id: issueId,
      workspaceId: scope.workspaceId,
      projectId: scope.projectId,
      sequenceId: row.issue_sequence,
      title: snapshot.title,
      description: snapshot.body,
      state: snapshot.state,
      milestone: snapshot.milestone,
      createdAt: snapshot.createdAt,
      updatedAt: snapshot.updatedAt,
      completedAt: snapshot.closedAt,
      deletedAt,
    });
    const link = await tx.gitHubIssueSync.create({
      data: {
        workspaceId: scope.workspaceId,
        repositorySyncId: scope.id,
        issueId,
        githubNumber: snapshot.number,
        githubId: snapshot.githubId,
        githubUrl: snapshot.url,
        githubUpdatedAt: snapshot.updatedAt,
        // No comments are stored yet: the next sync sees the difference and fetches them.
        githubCommentCount: 0,
        contentHash: snapshot.contentHash,
      },
    });
    await this.setLabels(tx, scope, issueId, snapshot);
    await replaceAssignees(tx, issueId, [...new Set(snapshot.assignees)]);
    return { issueId, issueSyncId: link.id };
  }

  private async setLabels(tx: Tx, scope: RepositorySyncScope, issueId: string, snapshot: IssueSnapshot) {
    const names = [...new Set(snapshot.labels)];
    const ids = await ensureLabels(
      tx,
      scope.workspaceId,
      scope.projectId,
      names,
      names.map(() => randomUUID()),
    );
    await replaceLabels(
      tx,
      issueId,
      names.map((name) => ids.get(name)!),
    );
  }
}
