import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import type { OutboundTarget, PushRecord } from './outbound.types.js';
import type { DirtyFields, FieldHashes, OutboundField } from '#libs/issues';
import { appendAudit } from '../audit/audit-rows.js';
import { projectWriteTarget } from './write-target.repository.js';
import { localFieldsOf } from '../issues/local-fields.js';

type Tx = Prisma.TransactionClient;

/** Worker side of outbound writes: what an issue owes GitHub, and recording what was written. */
@Injectable()
export class OutboundStateRepository {
  constructor(private readonly prisma: PrismaService) {}

  async load(issueId: string): Promise<OutboundTarget | null> {
    const issue = await this.prisma.issue.findUnique({
      where: { id: issueId },
      include: {
        labels: { include: { label: { select: { name: true } } } },
        assignees: { select: { githubLogin: true } },
        outbound: true,
        githubSync: true,
        comments: {
          where: { deletedAt: null, githubSync: null },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          include: { outbound: { select: { createStartedAt: true } } },
        },
      },
    });
    if (!issue) return null;
    const o = issue.outbound;
    const link = issue.githubSync;
    const syncId =
      link?.repositorySyncId ??
      o?.repositorySyncId ??
      (await projectWriteTarget(this.prisma, issue.projectId))?.repositorySyncId ??
      null;
    const repositorySync = syncId
      ? await this.prisma.gitHubRepositorySync.findUnique({
          where: { id: syncId },
          include: { repository: true, project: true },
        })
      : null;
    return {
      issueId: issue.id,
      workspaceId: issue.workspaceId,
      projectId: issue.projectId,
      deleted: issue.deletedAt !== null,
      local: localFieldsOf(issue),
      outbound: o
        ? {
            version: o.version,
            pushedVersion: o.pushedVersion,
            dirtyFields: o.dirtyFields as DirtyFields,
            pushedHashes: o.pushedHashes as FieldHashes,
            pushedFingerprints: o.pushedFingerprints as FieldHashes,
            githubHashes: o.githubHashes as FieldHashes,
            repositorySyncId: o.repositorySyncId,
            createStartedAt: o.createStartedAt,
            pendingState: o.pendingState,
          }
        : null,
      link: link
        ? {
            id: link.id,
            repositorySyncId: link.repositorySyncId,
            githubNumber: link.githubNumber,
            githubId: link.githubId,
            githubUrl: link.githubUrl,
            githubUpdatedAt: link.githubUpdatedAt,
            contentHash: link.contentHash,
            commentCount: link.githubCommentCount,
          }
        : null,
      repositorySync,
      pendingCommentEdits: await this.pendingEditCount(issue.id),
      pendingComments: issue.comments.map((c) => ({
        id: c.id,
        body: c.body,
        createdAt: c.createdAt,
        createStartedAt: c.outbound?.createStartedAt ?? null,
      })),
    };
  }

  private pendingEditCount(issueId: string): Promise<number> {
    return this.prisma.gitHubCommentOutbound.count({
      where: { issueId, editedAfterPush: true, comment: { deletedAt: null } },
    });
  }

  /** One sync_issue per issue at a time, across workers; an expired lease (killed worker) is taken over. */
  async acquireLease(issueId: string, workspaceId: string, owner: string, ttlMs: number): Promise<boolean> {
    await this.prisma.$executeRaw`
      INSERT INTO github_issue_outbound (id, workspace_id, issue_id, updated_at)
      VALUES (${randomUUID()}::uuid, ${workspaceId}::uuid, ${issueId}::uuid, now()) ON CONFLICT (issue_id) DO NOTHING`;
    const taken = await this.prisma.$executeRaw`
      UPDATE github_issue_outbound SET lease_owner = ${owner}, lease_until = now() + make_interval(secs => ${ttlMs / 1000})
      WHERE issue_id = ${issueId}::uuid AND (lease_until IS NULL OR lease_until < now() OR lease_owner = ${owner})`;
    return taken > 0;
  }

  async releaseLease(issueId: string, owner: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE github_issue_outbound SET lease_owner = NULL, lease_until = NULL
      WHERE issue_id = ${issueId}::uuid AND lease_owner = ${owner}`;
  }

  /** Written before issue_write create: a retry that finds it (and no link) looks the issue up first. */
  async markCreateStarted(
    issueId: string,
    repositorySyncId: string,
    at: Date,
    sent: { hashes: FieldHashes; fingerprints: FieldHashes },
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await lockOutbound(tx, issueId);
      await tx.gitHubIssueOutbound.update({
        where: { issueId },
        data: {
          createStartedAt: at,
          repositorySyncId,
          pushedHashes: { ...(row.pushedHashes as FieldHashes), ...sent.hashes },
          pushedFingerprints: { ...(row.pushedFingerprints as FieldHashes), ...sent.fingerprints },
        },
      });
    });
  }

  /** The create certainly did not happen (GitHub refused it): a retry may create without looking. */
  async clearCreateStarted(issueId: string): Promise<void> {
    await this.prisma.gitHubIssueOutbound.update({ where: { issueId }, data: { createStartedAt: null } });
  }

  /** Records a (complete or partial) write: hashes of what GitHub now has; written dirty fields cleared. */
  async recordPush(issueId: string, push: PushRecord): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await lockOutbound(tx, issueId);
      const dirty = { ...(row.dirtyFields as DirtyFields) };
      for (const [field, editedAt] of Object.entries(push.written) as [OutboundField, string][]) {
        if (dirty[field] === editedAt) delete dirty[field];
      }
      await tx.gitHubIssueOutbound.update({
        where: { issueId },
        data: {
          dirtyFields: dirty,
          pushedHashes: { ...(row.pushedHashes as FieldHashes), ...push.pushedHashes },
          pushedFingerprints: { ...(row.pushedFingerprints as FieldHashes), ...push.pushedFingerprints },
          ...(push.pendingState !== undefined ? { pendingState: push.pendingState } : {}),
          pushedVersion: Math.max(row.pushedVersion, push.version),
          lastPushedAt: new Date(),
          lastError: null,
        },
      });
    });
  }

  /** What GitHub shows after the write (read back): echo hashes for pages and the link's view. */
  async recordGithubView(
    issueId: string,
    linkId: string,
    view: {
      githubHashes: FieldHashes;
      contentHash?: string | undefined;
      githubUpdatedAt: Date;
      commentCount: number;
    },
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await lockOutbound(tx, issueId);
      await tx.gitHubIssueOutbound.update({
        where: { issueId },
        data: { githubHashes: { ...(row.githubHashes as FieldHashes), ...view.githubHashes } },
      });
      await tx.gitHubIssueSync.update({
        where: { id: linkId },
        data: {
          ...(view.contentHash ? { contentHash: view.contentHash } : {}),
          githubUpdatedAt: view.githubUpdatedAt,
          githubCommentCount: view.commentCount,
          lastSyncedAt: new Date(),
        },
      });
    });
  }

  async recordError(issueId: string, message: string | null): Promise<void> {
    await this.prisma.gitHubIssueOutbound.updateMany({ where: { issueId }, data: { lastError: message } });
  }

  /** Keeps the 20 most recent warnings of the issue and writes each to the audit log. */
  async recordWarnings(
    issueId: string,
    workspaceId: string,
    warnings: Record<string, unknown>[],
  ): Promise<void> {
    if (warnings.length === 0) return;
    await this.prisma.$transaction(async (tx) => {
      const row = await lockOutbound(tx, issueId);
      const at = new Date().toISOString();
      const kept = [
        ...(row.warnings as Record<string, unknown>[]),
        ...warnings.map((w) => ({ ...w, at })),
      ].slice(-20);
      await tx.gitHubIssueOutbound.update({
        where: { issueId },
        data: { warnings: kept as Prisma.InputJsonArray },
      });
      await appendAudit(
        tx,
        warnings.map((w) => ({
          workspaceId,
          action: `github.outbound.${String(w.kind ?? 'warning')}`,
          targetType: 'issue',
          targetId: issueId,
          details: w,
        })),
      );
    });
  }
}

export async function lockOutbound(tx: Tx, issueId: string) {
  await tx.$queryRaw`SELECT id FROM github_issue_outbound WHERE issue_id = ${issueId}::uuid FOR UPDATE`;
  return tx.gitHubIssueOutbound.findUniqueOrThrow({ where: { issueId } });
}
