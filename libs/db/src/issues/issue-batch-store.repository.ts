import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import { lockIssueSet } from '../sql/advisory-lock.js';
import {
  ensureProjectLabels,
  findLinkedIssues,
  replaceIssueAssignees,
  replaceIssueLabels,
} from './issue-batch-sql.js';
import { writeIssuesAndLinks } from './issue-writes.js';
import {
  type BatchIssuePlan,
  type BatchIssueResult,
  type BatchIssueTarget,
  planIssueBatch,
} from './issue-batch-plan.js';

export type { BatchIssueResult, BatchIssueTarget };

/**
 * Snapshots of many webhook events applied to issues that are already linked, in one transaction: the
 * same per-issue locks as `IssueEventStore.applySnapshot` and sync pages (all of them, in a fixed order),
 * one read of every link, the decisions of `planIssueBatch`, and set-based writes of each issue's final
 * state. The whole batch commits or nothing does.
 */
@Injectable()
export class IssueBatchStore {
  constructor(private readonly prisma: PrismaService) {}

  /** `events[i]` are the targets of event i; the results come back in the same order. */
  applyLinked(events: BatchIssueTarget[][]): Promise<BatchIssueResult[]> {
    const keys = events.flatMap((targets) =>
      targets.map((t) => ({ repositorySyncId: t.scope.id, number: t.snapshot.number })),
    );
    if (keys.length === 0) return Promise.resolve(events.map(() => []));
    return this.prisma.$transaction(
      async (tx) => {
        await lockIssueSet(tx, keys);
        const plan = planIssueBatch(events, await findLinkedIssues(tx, keys));
        await writeIssuesAndLinks(tx, plan.issues, plan.links);
        await ensureProjectLabels(tx, newLabels(plan));
        await replaceIssueLabels(
          tx,
          plan.labelSets.map((s) => s.issueId),
          plan.labelSets.flatMap((s) =>
            s.names.map((name) => ({ issueId: s.issueId, projectId: s.scope.projectId, name })),
          ),
        );
        await replaceIssueAssignees(
          tx,
          plan.assigneeSets.map((s) => s.issueId),
          plan.assigneeSets.flatMap((s) => s.logins.map((login) => ({ issueId: s.issueId, login }))),
        );
        return plan.results;
      },
      { timeout: 15_000, maxWait: 5_000 },
    );
  }
}

function newLabels(plan: BatchIssuePlan) {
  const unique = new Map<string, { id: string; workspaceId: string; projectId: string; name: string }>();
  for (const { scope, name } of plan.labelNames) {
    const key = JSON.stringify([scope.projectId, name]);
    if (!unique.has(key)) {
      unique.set(key, { id: randomUUID(), workspaceId: scope.workspaceId, projectId: scope.projectId, name });
    }
  }
  return [...unique.values()];
}
