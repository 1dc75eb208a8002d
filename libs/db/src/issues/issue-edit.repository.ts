import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { IssueComment, Prisma } from '../prisma-types.js';
import { ensureLabels, replaceIssueLabelsAndAssignees } from '../sql/bulk-sql.js';
import { audit, bumpVersion, sameSet } from './edit-helpers.js';
import {
  type Actor,
  type AssigneeRef,
  type IssuePatchInput,
  type NewIssueInput,
} from '../outbound/outbound.types.js';
import {
  completedAtFor,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
  type SyncDirection,
} from '#libs/issues';

type Tx = Prisma.TransactionClient;

export interface WriteTarget {
  repositorySyncId: string;
  direction: SyncDirection;
  enabled: boolean;
}

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

  /** Where a project's new issues are written: its oldest enabled repository sync that writes to GitHub. */
  async writeTargetForProject(projectId: string): Promise<WriteTarget | null> {
    const sync = await this.prisma.gitHubRepositorySync.findFirst({
      where: { projectId, enabled: true, direction: { in: ['to_github', 'bidirectional'] } },
      orderBy: { createdAt: 'asc' },
    });
    return sync ? { repositorySyncId: sync.id, direction: sync.direction, enabled: sync.enabled } : null;
  }

  /** Where an issue's edits go: the repository it is linked to, else its project's write target. */
  async writeTargetForIssue(issueId: string): Promise<WriteTarget | null> {
    const issue = await this.prisma.issue.findUnique({
      where: { id: issueId },
      select: {
        projectId: true,
        githubSync: { select: { repositorySync: true } },
        outbound: { select: { repositorySyncId: true } },
      },
    });
    if (!issue) return null;
    const linked = issue.githubSync?.repositorySync;
    if (linked) return { repositorySyncId: linked.id, direction: linked.direction, enabled: linked.enabled };
    return this.writeTargetForProject(issue.projectId);
  }

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
      const issue = await tx.issue.create({
        data: {
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
        },
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
      const changed: OutboundField[] = [];
      const data: Prisma.IssueUpdateInput = {};
      if (patch.title !== undefined && patch.title !== current.title) {
        data.title = patch.title;
        changed.push('title');
      }
      if (patch.description !== undefined && patch.description !== current.description) {
        data.description = patch.description;
        changed.push('description');
      }
      if (patch.state !== undefined && patch.state !== current.state) {
        data.state = patch.state;
        data.completedAt = completedAtFor(patch.state, current.completedAt, now);
        changed.push('state');
      }
      if (patch.milestone !== undefined && patch.milestone !== current.milestone) {
        data.milestone = patch.milestone;
        changed.push('milestone');
      }
      const priorityChanged = patch.priority !== undefined && patch.priority !== current.priority;
      if (priorityChanged) data.priority = patch.priority;
      const labels = current.labels.map((l) => l.label.name);
      const logins = current.assignees.map((a) => a.githubLogin);
      const before: LocalIssueFields = {
        title: current.title,
        description: current.description,
        state: current.state,
        labels,
        assignees: logins,
        milestone: current.milestone,
      };
      const labelsChanged = patch.labels !== undefined && !sameSet(patch.labels, labels, false);
      const assigneesChanged =
        patch.assignees !== undefined &&
        !sameSet(
          patch.assignees.map((a) => a.login),
          logins,
          true,
        );
      if (labelsChanged) changed.push('labels');
      if (assigneesChanged) changed.push('assignees');
      if (changed.length === 0 && !priorityChanged) return { issueId: scope.issueId, version: null, changed };
      data.updatedAt = now;
      await tx.issue.update({ where: { id: scope.issueId }, data });
      if (labelsChanged || assigneesChanged) {
        await this.replaceSets(
          tx,
          scope.workspaceId,
          current.projectId,
          scope.issueId,
          patch.labels ?? labels,
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

  async createComment(
    scope: { workspaceId: string; issueId: string },
    body: string,
    actor: Actor,
  ): Promise<{ comment: IssueComment; version: number }> {
    return this.prisma.$transaction(async (tx) => {
      const now = new Date();
      const comment = await tx.issueComment.create({
        data: {
          workspaceId: scope.workspaceId,
          issueId: scope.issueId,
          body,
          authorId: actor.userId,
          createdAt: now,
          updatedAt: now,
        },
      });
      const version = await bumpVersion(tx, scope.workspaceId, scope.issueId, {});
      await audit(tx, scope.workspaceId, actor, 'comment.created', 'comment', comment.id, {
        issue_id: scope.issueId,
      });
      return { comment, version };
    });
  }

  /**
   * Edits a comment. One not yet on GitHub is written with its new body; one already there keeps its
   * GitHub text (the MCP server has no tool to edit a comment): `onGitHub` tells the caller so.
   */
  async updateComment(
    scope: { workspaceId: string; issueId: string; commentId: string },
    body: string,
    actor: Actor,
  ): Promise<{ comment: IssueComment; version: number | null; onGitHub: boolean } | null> {
    return this.prisma.$transaction(async (tx) => {
      const found = await tx.issueComment.findFirst({
        where: {
          id: scope.commentId,
          issueId: scope.issueId,
          workspaceId: scope.workspaceId,
          deletedAt: null,
        },
        include: { githubSync: { select: { id: true } } },
      });
      if (!found) return null;
      if (found.body === body) return { comment: found, version: null, onGitHub: found.githubSync !== null };
      const comment = await tx.issueComment.update({
        where: { id: found.id },
        data: { body, updatedAt: new Date() },
      });
      const onGitHub = found.githubSync !== null;
      if (onGitHub) {
        await tx.gitHubCommentOutbound.upsert({
          where: { commentId: found.id },
          create: {
            workspaceId: scope.workspaceId,
            commentId: found.id,
            issueId: scope.issueId,
            editedAfterPush: true,
          },
          update: { editedAfterPush: true },
        });
      }
      // A comment already on GitHub is owed as an edit (update_issue_comment where the server offers it).
      const version = await bumpVersion(tx, scope.workspaceId, scope.issueId, {});
      await audit(tx, scope.workspaceId, actor, 'comment.updated', 'comment', found.id, {
        issue_id: scope.issueId,
        ...(onGitHub ? { on_github: true } : {}),
      });
      return { comment, version, onGitHub };
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
