import { Injectable, Logger } from '@nestjs/common';
import { SyncJobRepository } from '#libs/db';
import { JobQueue, QueueName } from '#libs/queue';

/**
 * A row younger than this is left alone: the API creates the row first and enqueues right after, so a
 * brand-new row may not have its BullMQ job yet.
 */
export const RECONCILE_GRACE_MS = 30_000;
const BATCH = 500;
const MAX_REASON = 500;

export const LOST_JOB_MESSAGE = 'the queue lost the job (removed or Redis data lost)';

export interface ReconcileResult {
  checked: number;
  failed: number;
}

/**
 * `reconcile_sync_jobs`: a github_sync_jobs row stays queued or running only while BullMQ still holds its
 * job. When BullMQ lost the job (removed, Redis flushed or without persistence) or failed or completed it
 * without the handler recording the outcome (Postgres down through every attempt, stalled too often), the
 * row is marked failed with the reason, so the repository can be synced again (resuming the checkpoint).
 */
@Injectable()
export class SyncJobReconciler {
  private readonly logger = new Logger(SyncJobReconciler.name);

  constructor(
    private readonly jobs: SyncJobRepository,
    private readonly queue: JobQueue,
  ) {}

  async reconcile(now = new Date()): Promise<ReconcileResult> {
    const rows = await this.jobs.listActiveCreatedBefore(new Date(now.getTime() - RECONCILE_GRACE_MS), BATCH);
    let failed = 0;
    for (const row of rows) if (await this.reconcileJob(row.jobId)) failed += 1;
    if (failed > 0) this.logger.warn(`${failed} sync job(s) the queue no longer runs were marked failed`);
    return { checked: rows.length, failed };
  }

  /**
   * Looks up one sync job in BullMQ and fails its row (if still queued/running) when BullMQ will not run
   * it any more. Returns whether the row was marked failed. Redis errors propagate (nothing is changed).
   */
  async reconcileJob(jobId: string): Promise<boolean> {
    const job = await this.queue.queue(QueueName.Sync).getJob(jobId);
    if (!job) {
      return this.fail(jobId, LOST_JOB_MESSAGE, { queue_state: 'missing' });
    }
    const state = await job.getState();
    if (state === 'failed') {
      const reason = (job.failedReason || 'unknown error').slice(0, MAX_REASON);
      return this.fail(jobId, `the job failed in the queue: ${reason}`, {
        queue_state: state,
        attempts_made: job.attemptsMade,
      });
    }
    if (state === 'completed') {
      return this.fail(jobId, 'the job completed in the queue without recording its outcome', {
        queue_state: state,
      });
    }
    if (state === 'unknown') return this.fail(jobId, LOST_JOB_MESSAGE, { queue_state: state });
    return false;
  }

  private async fail(jobId: string, message: string, details: Record<string, unknown>): Promise<boolean> {
    const changed = await this.jobs.failIfActive(jobId, message, { ...details, reconciled: true });
    if (changed) this.logger.warn(`sync job ${jobId} marked failed: ${message}`);
    return changed;
  }
}
