import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import { ensureLabels, replaceIssueLabelsAndAssignees } from '../sql/bulk-sql.js';
import { audit, bumpVersion } from './edit-helpers.js';
import {
  type Actor,
  type AssigneeRef,
  type IssuePatchInput,
  type NewIssueInput,
} from '../outbound/outbound.types.js';
import {
  completedAtFor,
  issueChanges,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
} from '#libs/issues';
import { localFieldsOf } from './local-fields.js';
import { createIssue, updateIssue } from './issue-writes.js';

type Tx = Prisma.TransactionClient;

export interface EditResult {
  issueId: string;
  /** Outbound version after the edit (the sync_issue job id carries it); null when nothing to write. */
  version: number | null;
  changed: OutboundField[];
}

/**
 * Local edits of workspace issues and comments (the API's write routes). Each edit commits together with
 * the issue's outbound bookkeeping (version + dirty fields), so the sync_issue job enqueued after the commit
 * finds exactly what to write, and an edit whose enqueue is lost is still found by the next outbound pass.
 */
@Injectable()
export class IssueEditRepository {
  constructor(private readonly prisma: PrismaService) {}

  findIssue(workspaceId: string, projectId: string, issueId: string) {
    return this.prisma.issue.findFirst({
      where: { id: issueId, workspaceId, projectId, deletedAt: null },
      select: { id: true },
    });
  }

  /** Workspace members by user id and by GitHub login (assignees are GitHub logins on the wire). */
  async members(workspaceId: string) {
    const rows = await this.prisma.workspaceMember.findMany({
      where: { workspaceId },
      select: { userId: true, user: { select: { githubLogin: true } } },
    });
    return rows.map((r) => ({ userId: r.userId, githubLogin: r.user.githubLogin }));
  }

  async createIssue(input: NewIssueInput, actor: Actor): Promise<EditResult> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ issue_sequence: number }[]>`
        UPDATE projects SET issue_sequence = issue_sequence + 1, updated_at = now()
        WHERE id = ${input.projectId}::uuid AND workspace_id = ${input.workspaceId}::uuid RETURNING issue_sequence`;
      if (!row) throw new Error(`project ${input.projectId} does not exist`);
      const now = new Date();
      const issue = await createIssue(tx, {
        workspaceId: input.workspaceId,
        projectId: input.projectId,
        sequenceId: row.issue_sequence,
        title: input.title,
        description: input.description,
        state: input.state,
        priority: input.priority,
        milestone: input.milestone,
        createdById: input.createdById,
        createdAt: now,
        updatedAt: now,
        completedAt: completedAtFor(input.state, null, now),
      });
      await this.replaceSets(tx, input.workspaceId, input.projectId, issue.id, input.labels, input.assignees);
      const dirty = Object.fromEntries(OUTBOUND_FIELDS.map((f) => [f, now.toISOString()]));
      const outbound = await tx.gitHubIssueOutbound.create({
        data: {
          workspaceId: input.workspaceId,
          issueId: issue.id,
          version: 1,
          dirtyFields: dirty,
          repositorySyncId: input.repositorySyncId,
        },
      });
      await audit(tx, input.workspaceId, actor, 'issue.created', 'issue', issue.id, { title: input.title });
      return { issueId: issue.id, version: outbound.version, changed: [...OUTBOUND_FIELDS] };
    });
  }

  /** Applies a patch; null when the issue is not in this workspace and project. */
  async updateIssue(
    scope: { workspaceId: string; projectId: string; issueId: string },
    patch: IssuePatchInput,
    actor: Actor,
    /** Per-field GitHub hashes of the values before the edit: the echo/conflict base of a linked issue. */
    baseOf: (fields: LocalIssueFields) => Record<string, string> = () => ({}),
  ): Promise<EditResult | null> {
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text AS id FROM issues WHERE id = ${scope.issueId}::uuid AND workspace_id = ${scope.workspaceId}::uuid
          AND project_id = ${scope.projectId}::uuid AND deleted_at IS NULL FOR UPDATE`;
      if (locked.length === 0) return null;
      const current = await tx.issue.findUniqueOrThrow({
        where: { id: scope.issueId },
        include: {
          labels: { include: { label: true } },
          assignees: true,
          githubSync: { select: { id: true } },
        },
      });
      const now = new Date();
      const before = localFieldsOf(current);
      const { changed, priorityChanged, set, labelsChanged, assigneesChanged } = issueChanges(
        { ...before, priority: current.priority, completedAt: current.completedAt },
        { ...patch, assignees: patch.assignees?.map((a) => a.login) },
        now,
      );
      if (changed.length === 0 && !priorityChanged) return { issueId: scope.issueId, version: null, changed };
      await updateIssue(tx, scope.issueId, { ...set, updatedAt: now });
      if (labelsChanged || assigneesChanged) {
        await this.replaceSets(
          tx,
          scope.workspaceId,
          current.projectId,
          scope.issueId,
          patch.labels ?? before.labels,
          patch.assignees ?? current.assignees.map((a) => ({ login: a.githubLogin, userId: a.userId })),
        );
      }
      const dirty = Object.fromEntries(changed.map((f) => [f, now.toISOString()]));
      const version =
        changed.length > 0
          ? await bumpVersion(
              tx,
              scope.workspaceId,
              scope.issueId,
              dirty,
              current.githubSync ? baseOf(before) : {},
            )
          : null;
      await audit(tx, scope.workspaceId, actor, 'issue.updated', 'issue', scope.issueId, {
        fields: [...changed, ...(priorityChanged ? ['priority'] : [])],
      });
      return { issueId: scope.issueId, version, changed };
    });
  }

  private async replaceSets(
    tx: Tx,
    workspaceId: string,
    projectId: string,
    issueId: string,
    labels: string[],
    assignees: AssigneeRef[],
  ): Promise<void> {
    const names = [...new Set(labels)];
    const ids = await ensureLabels(
      tx,
      workspaceId,
      projectId,
      names,
      names.map(() => randomUUID()),
    );
    const unique = [...new Map(assignees.map((a) => [a.login.toLowerCase(), a])).values()];
    await replaceIssueLabelsAndAssignees(
      tx,
      [issueId],
      names.map((name) => ({ issueId, labelId: ids.get(name)! })),
      unique.map((a) => ({ issueId, login: a.login })),
    );
    const members = unique.filter((a) => a.userId !== null);
    for (const member of members) {
      await tx.issueAssignee.update({
        where: { issueId_githubLogin: { issueId, githubLogin: member.login } },
        data: { userId: member.userId },
      });
    }
  }
}
