import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type GitHubWebhookEvent, IssueBatchStore, type IssueSnapshot } from '#libs/db';
import { REMOVING_ACTIONS, describeIssue } from '../handlers/issues.handler.js';
import { type EventOutcome, ignored, processed } from '../outcome.js';
import { type RestIssue, issuesEventSchema } from '../payloads.js';
import { type EventTarget, RepositoryTargets, type TargetMemo } from '../repository-targets.js';
import { toIssueSnapshot } from '../snapshots.js';

/** A claimed delivery whose stored payload is a JSON object. */
export interface ClaimedDelivery {
  event: GitHubWebhookEvent;
  payload: Record<string, unknown>;
  attemptsMade: number;
}

export interface FastIssueEvent {
  delivery: ClaimedDelivery;
  issue: RestIssue;
  targets: EventTarget[];
  snapshots: IssueSnapshot[];
}

export interface FastPathSplit {
  /** Settled without writing anything (the repository is not connected, …), by delivery id. */
  outcomes: Map<string, EventOutcome>;
  /** Issue snapshots for the batched transaction. */
  fast: FastIssueEvent[];
  /** Everything else: the single-event path (WebhookEventRouter). */
  rest: ClaimedDelivery[];
}

/**
 * The batched path of `issues` events: the snapshot of an issue already linked to repository syncs that
 * only take changes from GitHub (not removing it, not a pull request, the integration switched on) is
 * applied together with the rest of the batch in one transaction (IssueBatchStore), with the very outcome
 * and result IssuesEventHandler would give it. A retried delivery goes the single-event path, so one event
 * that keeps failing cannot take a batch down with it again.
 */
@Injectable()
export class IssueFastPath {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly targets: RepositoryTargets,
    private readonly store: IssueBatchStore,
  ) {}

  /** Sorts a batch; target rows are read once per repository and integration. Never throws. */
  async split(deliveries: ClaimedDelivery[]): Promise<FastPathSplit> {
    const memo: TargetMemo = new Map();
    const verdicts = await Promise.all(
      deliveries.map((delivery) => this.classify(delivery, memo).catch(() => undefined)),
    );
    const split: FastPathSplit = { outcomes: new Map(), fast: [], rest: [] };
    deliveries.forEach((delivery, i) => {
      const verdict = verdicts[i];
      if (verdict === undefined) split.rest.push(delivery);
      else if ('status' in verdict) split.outcomes.set(delivery.event.deliveryId, verdict);
      else split.fast.push(verdict);
    });
    return split;
  }

  /**
   * Applies the snapshots in one transaction; returns the outcomes by delivery id, and the deliveries of
   * issues not linked yet (to be created on the single-event path). Throws when the transaction fails.
   */
  async apply(
    fast: FastIssueEvent[],
  ): Promise<{ outcomes: Map<string, EventOutcome>; deferred: ClaimedDelivery[] }> {
    const results = await this.store.applyLinked(
      fast.map((f) => f.targets.map((target, i) => ({ scope: target.scope, snapshot: f.snapshots[i]! }))),
    );
    const outcomes = new Map<string, EventOutcome>();
    const deferred: ClaimedDelivery[] = [];
    fast.forEach((f, i) => {
      const result = results[i];
      if (result === undefined || result === 'deferred') {
        deferred.push(f.delivery);
        return;
      }
      const issues = f.targets.map((target, t) => ({
        ...describeIssue(target, f.issue.number, result[t]?.link?.issueId ?? null),
        outcome: result[t]?.outcome,
      }));
      outcomes.set(f.delivery.event.deliveryId, processed({ issues }));
    });
    return { outcomes, deferred };
  }

  private async classify(
    delivery: ClaimedDelivery,
    memo: TargetMemo,
  ): Promise<FastIssueEvent | EventOutcome | undefined> {
    const { event, payload } = delivery;
    if (event.eventType !== 'issues' || !this.config.sync.enabled || delivery.attemptsMade > 0)
      return undefined;
    const parsed = issuesEventSchema.safeParse(payload);
    if (!parsed.success) return undefined; // the single-event path fails it with the message
    const body = parsed.data;
    if (body.issue.pull_request || REMOVING_ACTIONS.has(body.action)) return undefined;
    const resolved = await this.targets.resolve(event, body.repository, memo);
    if ('reason' in resolved) return ignored(resolved.reason);
    if (resolved.targets.some((t) => t.direction === 'bidirectional')) return undefined;
    return {
      delivery,
      issue: body.issue,
      targets: resolved.targets,
      snapshots: resolved.targets.map((t) => toIssueSnapshot(t.repo, body.issue, t.mapping)),
    };
  }
}
