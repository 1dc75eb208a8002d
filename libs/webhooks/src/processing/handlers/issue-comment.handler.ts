import { Injectable } from '@nestjs/common';
import { CommentEventStore } from '#libs/db';
import { WebhookIssueApplier } from '../issue-applier.js';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  ignored,
  processed,
} from '../outcome.js';
import { issueCommentEventSchema, parsePayload } from '../payloads.js';
import { RepositoryTargets } from '../repository-targets.js';
import { toCommentRecord } from '../snapshots.js';

const ACTIONS = new Set(['created', 'edited', 'deleted']);

/**
 * `issue_comment` created / edited / deleted: the issue snapshot the payload carries is applied first (it
 * also links an issue seen for the first time), then the single comment, keyed by its GitHub id.
 */
@Injectable()
export class IssueCommentEventHandler implements WebhookEventProcessor {
  constructor(
    private readonly targets: RepositoryTargets,
    private readonly issues: WebhookIssueApplier,
    private readonly comments: CommentEventStore,
  ) {}

  async handle({ event, payload }: WebhookEventContext): Promise<EventOutcome> {
    const body = parsePayload(issueCommentEventSchema, 'issue_comment', payload);
    if (!ACTIONS.has(body.action)) return ignored(`issue_comment action ${body.action} is not handled`);
    if (body.issue.pull_request)
      return ignored('comment on a pull request (pull request conversations are not synced)');
    const resolved = await this.targets.resolve(event, body.repository);
    if ('reason' in resolved) return ignored(resolved.reason);
    const withComments = resolved.targets.filter((t) => t.includeComments);
    if (withComments.length === 0) return ignored('comments are not synced for this repository');
    const comment = toCommentRecord(body.comment);
    const results = [];
    for (const target of withComments) {
      const issue = await this.issues.apply(target, body.issue);
      const base = {
        repository_sync_id: target.repositorySyncId,
        number: body.issue.number,
        issue_id: issue.link?.issueId ?? null,
        issue_outcome: issue.outcome,
        comment_id: body.comment.id,
      };
      if (!issue.link || issue.outcome === 'deleted') {
        results.push({ ...base, outcome: 'issue_deleted' });
        continue;
      }
      const commentTarget = { workspaceId: target.scope.workspaceId, ...issue.link };
      const outcome =
        body.action === 'deleted'
          ? await this.comments.softDelete(commentTarget, comment, new Date())
          : await this.comments.upsert(commentTarget, comment);
      results.push({ ...base, outcome });
    }
    return processed({ comments: results });
  }
}
