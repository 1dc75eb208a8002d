import { Injectable } from '@nestjs/common';
import { IssueEventStore } from '#libs/db';
import { WebhookIssueApplier } from '../issue-applier.js';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  ignored,
  processed,
} from '../outcome.js';
import { issuesEventSchema, parsePayload, type RestIssue, type RestRepository } from '../payloads.js';
import { type EventTarget, RepositoryTargets } from '../repository-targets.js';
import { toIssueSnapshot } from '../snapshots.js';

/** Actions that take the issue away from the repository: the local issue is soft-deleted. */
export const REMOVING_ACTIONS: ReadonlySet<string> = new Set(['deleted', 'transferred']);

/**
 * `issues`: every action carries the issue as it is after the change, so the snapshot is applied (in
 * GitHub `updated_at` order, see IssueEventStore): opened, edited, closed, reopened, (un)labeled,
 * (un)assigned, (de)milestoned, locked, pinned… deleted and transferred soft-delete the local issue; a
 * transferred issue reappears in its new repository when that one is connected too.
 */
@Injectable()
export class IssuesEventHandler implements WebhookEventProcessor {
  constructor(
    private readonly targets: RepositoryTargets,
    private readonly issues: IssueEventStore,
    private readonly applier: WebhookIssueApplier,
  ) {}

  async handle({ event, payload }: WebhookEventContext): Promise<EventOutcome> {
    const body = parsePayload(issuesEventSchema, 'issues', payload);
    if (body.issue.pull_request) return ignored('issues event about a pull request');
    const resolved = await this.targets.resolve(event, body.repository);
    if ('reason' in resolved) return ignored(resolved.reason);
    const results = [];
    for (const target of resolved.targets) {
      if (REMOVING_ACTIONS.has(body.action)) {
        const snapshot = toIssueSnapshot(target.repo, body.issue, target.mapping);
        const { outcome, link } = await this.issues.softDelete(target.scope, snapshot, new Date());
        results.push({ ...describeIssue(target, body.issue.number, link.issueId), outcome });
      } else {
        results.push(await this.apply(target, body.issue));
      }
    }
    const newIssue = body.changes?.new_issue;
    const newRepository = body.changes?.new_repository;
    const transferred =
      body.action === 'transferred' && newIssue && newRepository
        ? await this.applyTransferred(event, newRepository, newIssue)
        : undefined;
    return processed({ issues: results, ...(transferred ? { transferred_to: transferred } : {}) });
  }

  private async apply(target: EventTarget, issue: RestIssue) {
    const { outcome, link } = await this.applier.apply(target, issue);
    return { ...describeIssue(target, issue.number, link?.issueId ?? null), outcome };
  }

  /** The issue's new home: applied like `opened` there when that repository is connected. */
  private async applyTransferred(
    event: WebhookEventContext['event'],
    repository: RestRepository,
    issue: RestIssue,
  ) {
    const resolved = await this.targets.resolve(event, repository);
    if ('reason' in resolved)
      return { repository: repository.full_name, number: issue.number, reason: resolved.reason };
    const issues = [];
    for (const target of resolved.targets) issues.push(await this.apply(target, issue));
    return { repository: repository.full_name, number: issue.number, issues };
  }
}

/** One entry of an `issues` event's result: where the issue was applied (the outcome is added). */
export function describeIssue(target: EventTarget, number: number, issueId: string | null) {
  return { repository_sync_id: target.repositorySyncId, number, issue_id: issueId };
}
