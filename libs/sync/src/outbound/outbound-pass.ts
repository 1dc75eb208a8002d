import { Injectable } from '@nestjs/common';
import { OutboundStateRepository, type RepositorySyncWithRepo } from '#libs/db';
import { JobName, JobQueue } from '#libs/queue';
import { writesToGitHub } from '#libs/issues';

/**
 * The to_github half of a `sync_repository` job (direction to_github or bidirectional): enqueues a
 * `sync_issue` for every issue that still owes GitHub a write (an edit whose job was lost or failed for
 * good, a state change owed after a partial write, comments not on GitHub, and, for the project's primary
 * write target, issues never written). Job ids carry the pass, so a job kept by BullMQ from an earlier
 * attempt does not block it; the per-issue lease and the up-to-date check make duplicates harmless.
 */
@Injectable()
export class OutboundPass {
  constructor(
    private readonly state: OutboundStateRepository,
    private readonly queue: JobQueue,
  ) {}

  async enqueuePending(
    repoSync: RepositorySyncWithRepo,
    passId: string,
  ): Promise<{ sync_issue_enqueued: number }> {
    if (!repoSync.enabled || !writesToGitHub(repoSync.direction)) return { sync_issue_enqueued: 0 };
    const primary = (await this.state.primaryTarget(repoSync.projectId)) === repoSync.id;
    const pending = await this.state.pendingIssues(repoSync, primary);
    for (const { issueId, version } of pending) {
      await this.queue.enqueue(
        JobName.SyncIssue,
        { issueId, reason: 'pass' },
        `${JobName.SyncIssue}-${issueId}-v${version}-${passId}`,
      );
    }
    return { sync_issue_enqueued: pending.length };
  }
}
