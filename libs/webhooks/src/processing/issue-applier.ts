import { Injectable } from '@nestjs/common';
import { type IssueApplyResult, IssueEventStore } from '#libs/db';
import { InboundMerger } from '#libs/sync';
import type { RestIssue } from './payloads.js';
import type { EventTarget } from './repository-targets.js';
import { toIssueSnapshot } from './snapshots.js';

/**
 * Applies the issue a webhook carries to one repository sync. For bidirectional repositories GitHub's view
 * is first merged field by field into a locally edited issue (#libs/sync InboundMerger: echo suppression,
 * last writer wins), exactly as a sync page is; the merge bookkeeping is saved once the issue is written.
 */
@Injectable()
export class WebhookIssueApplier {
  constructor(
    private readonly issues: IssueEventStore,
    private readonly merger: InboundMerger,
  ) {}

  async apply(target: EventTarget, issue: RestIssue): Promise<IssueApplyResult> {
    const snapshot = toIssueSnapshot(target.repo, issue, target.mapping);
    if (target.direction !== 'bidirectional') return this.issues.applySnapshot(target.scope, snapshot);
    const merge = await this.merger.merge(
      { id: target.repositorySyncId, direction: target.direction },
      [{ ...snapshot, commentCount: 0 }],
      'webhook',
    );
    const merged = merge.records[0] ?? snapshot;
    const result = await this.issues.applySnapshot(target.scope, {
      ...snapshot,
      title: merged.title,
      body: merged.body,
      state: merged.state,
      labels: merged.labels,
      assignees: merged.assignees,
    });
    if (result.outcome !== 'stale' && result.outcome !== 'deleted') await this.merger.commit(merge);
    return result;
  }
}
