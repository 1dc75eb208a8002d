import { Injectable } from '@nestjs/common';
import { PullRequestRecorder, type PullRequestSnapshot } from '#libs/sync';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  ignored,
  processed,
} from '../outcome.js';
import { type RestPullRequest, parsePayload, pullRequestEventSchema } from '../payloads.js';
import { RepositoryTargets } from '../repository-targets.js';
import { plainText } from '../snapshots.js';

/**
 * `pull_request` (opened, edited, closed — merged or not —, reopened, ready_for_review,
 * converted_to_draft, synchronize, labeled …): every action carries the pull request as it is now; it is
 * recorded and linked to the issues it closes by #libs/sync's PullRequestRecorder (older views ignored;
 * a merge moves linked open issues to done, once).
 */
@Injectable()
export class PullRequestEventHandler implements WebhookEventProcessor {
  constructor(
    private readonly targets: RepositoryTargets,
    private readonly recorder: PullRequestRecorder,
  ) {}

  async handle({ event, payload }: WebhookEventContext): Promise<EventOutcome> {
    const body = parsePayload(pullRequestEventSchema, 'pull_request', payload);
    const resolved = await this.targets.resolve(event, body.repository);
    if ('reason' in resolved) return ignored(resolved.reason);
    const targets = resolved.targets.filter((t) => t.includePullRequests);
    if (targets.length === 0) return ignored('pull requests are not synced for this repository');
    const snapshot = toPullRequestSnapshot(body.pull_request);
    const results = [];
    for (const target of targets) {
      const recorded = await this.recorder.record(target.repositorySyncId, snapshot);
      results.push({
        repository_sync_id: target.repositorySyncId,
        number: recorded.number,
        outcome: recorded.stale
          ? 'stale'
          : recorded.created
            ? 'created'
            : recorded.changed
              ? 'updated'
              : 'unchanged',
        merged: recorded.merged,
        linked_issue_numbers: recorded.linkedIssueNumbers,
        moved_to_done: recorded.movedToDone,
      });
    }
    return processed({ pull_requests: results });
  }
}

function toPullRequestSnapshot(pr: RestPullRequest): PullRequestSnapshot {
  return {
    number: pr.number,
    title: plainText(pr.title),
    body: plainText(pr.body),
    state: pr.state,
    draft: pr.draft ?? false,
    merged: pr.merged ?? false,
    merged_at: pr.merged_at ?? null,
    html_url: pr.html_url,
    user_login: pr.user?.login ?? null,
    head_ref: pr.head?.ref ?? null,
    base_ref: pr.base?.ref ?? null,
    updated_at: pr.updated_at,
  };
}
