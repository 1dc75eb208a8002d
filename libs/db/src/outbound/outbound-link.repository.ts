import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import type { NewLink } from './outbound.types.js';
import { lockOutbound } from './outbound-state.repository.js';
import { completedAtFor, type DirtyFields, type LocalIssueFields, type OutboundField } from '#libs/issues';
import { appendAudit } from '../audit/audit-rows.js';
import { type IssueColumns, softDeleteIssue, updateIssue } from '../issues/issue-writes.js';

type Tx = Prisma.TransactionClient;

/** Outbound writes that touch the issue itself: its GitHub link, and GitHub values applied locally. */
@Injectable()
export class OutboundLinkRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Links the issue to the GitHub issue it was written as. When the inbound side imported that GitHub
   * issue as a new local issue before this link existed (a page or webhook raced the create), the link
   * is moved to this issue and the imported duplicate is soft-deleted: one local issue per GitHub issue.
   */
  async recordLink(
    issueId: string,
    workspaceId: string,
    link: NewLink,
  ): Promise<{ linkId: string; merged: string | null }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.gitHubIssueOutbound.updateMany({ where: { issueId }, data: { createStartedAt: null } });
      const existing = await tx.gitHubIssueSync.findUnique({
        where: {
          repositorySyncId_githubNumber: {
            repositorySyncId: link.repositorySyncId,
            githubNumber: link.number,
          },
        },
      });
      const data = {
        githubId: link.githubId ?? existing?.githubId ?? null,
        githubUrl: link.url,
        githubUpdatedAt: link.githubUpdatedAt,
        contentHash: link.contentHash,
        lastSyncedAt: new Date(),
      };
      if (existing && existing.issueId !== issueId) {
        await tx.gitHubIssueSync.update({ where: { id: existing.id }, data: { ...data, issueId } });
        await softDeleteIssue(tx, existing.issueId, new Date());
        await appendAudit(tx, [
          {
            workspaceId,
            action: 'issue.duplicate_import_merged',
            targetType: 'issue',
            targetId: issueId,
            details: { duplicate_issue_id: existing.issueId, github_number: link.number },
          },
        ]);
        return { linkId: existing.id, merged: existing.issueId };
      }
      if (existing) {
        await tx.gitHubIssueSync.update({ where: { id: existing.id }, data });
        return { linkId: existing.id, merged: null };
      }
      const created = await tx.gitHubIssueSync.create({
        data: {
          workspaceId,
          repositorySyncId: link.repositorySyncId,
          issueId,
          githubNumber: link.number,
          githubCommentCount: 0,
          ...data,
        },
      });
      return { linkId: created.id, merged: null };
    });
  }

  /** Applies GitHub's values locally (GitHub edits found while writing; conflicts GitHub won). */
  async applyGithubValues(
    issueId: string,
    values: Partial<Pick<LocalIssueFields, 'title' | 'description' | 'state' | 'labels' | 'assignees'>>,
    resolved: DirtyFields,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await lockOutbound(tx, issueId);
      const issue = await tx.issue.findUniqueOrThrow({ where: { id: issueId } });
      const data: IssueColumns = {};
      if (values.title !== undefined) data.title = values.title;
      if (values.description !== undefined) data.description = values.description;
      if (values.state !== undefined) {
        data.state = values.state;
        data.completedAt = completedAtFor(values.state, issue.completedAt, new Date());
      }
      if (Object.keys(data).length > 0) await updateIssue(tx, issueId, data);
      if (values.labels) await replaceLabels(tx, issue.workspaceId, issue.projectId, issueId, values.labels);
      if (values.assignees) {
        await tx.issueAssignee.deleteMany({ where: { issueId } });
        await tx.issueAssignee.createMany({
          data: [...new Set(values.assignees)].map((githubLogin) => ({ issueId, githubLogin })),
        });
      }
      const dirty = { ...(row.dirtyFields as DirtyFields) };
      for (const [field, at] of Object.entries(resolved) as [OutboundField, string][]) {
        if (dirty[field] === at) delete dirty[field];
      }
      await tx.gitHubIssueOutbound.update({ where: { issueId }, data: { dirtyFields: dirty } });
    });
  }
}

async function replaceLabels(
  tx: Tx,
  workspaceId: string,
  projectId: string,
  issueId: string,
  names: string[],
) {
  await tx.issueLabel.deleteMany({ where: { issueId } });
  for (const name of new Set(names)) {
    const label = await tx.label.upsert({
      where: { projectId_name: { projectId, name } },
      create: { workspaceId, projectId, name },
      update: {},
    });
    await tx.issueLabel.create({ data: { issueId, labelId: label.id } });
  }
}
