import { Injectable, Logger, Optional } from '@nestjs/common';
import { SyncJobRepository } from '#libs/db';
import { JobName } from '#libs/queue';
import { githubEventLabel } from './github-events.js';
import { Metrics } from './metrics.js';

/** How one job attempt ended, as seen by the worker's dispatcher. */
export type JobAttemptStatus = 'completed' | 'failed' | 'retrying' | 'delayed';

export interface JobAttempt {
  name: string;
  data: unknown;
  /** The handler's return value (completed attempts only). */
  result?: unknown;
  status: JobAttemptStatus;
  seconds: number;
}

/** The webhook handler's result: `{ event_type, action, status }`. */
const WEBHOOK_JOB = 'process_webhook_event';

function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value.slice(0, 64) : undefined;
}

/** Turns job attempts into the job, sync and webhook metrics. Never throws. */
@Injectable()
export class JobMetrics {
  private readonly logger = new Logger(JobMetrics.name);

  constructor(
    private readonly metrics: Metrics,
    @Optional() private readonly syncJobs?: SyncJobRepository,
  ) {}

  async record(attempt: JobAttempt): Promise<void> {
    try {
      this.metrics.jobsTotal.inc({ name: attempt.name, status: attempt.status });
      this.metrics.jobDuration.observe({ name: attempt.name }, attempt.seconds);
      if (attempt.name === (JobName.SyncRepository as string)) await this.recordSync(attempt);
      if (attempt.name === WEBHOOK_JOB) this.recordWebhook(attempt);
    } catch (error) {
      this.logger.warn(`could not record metrics of ${attempt.name}: ${String(error)}`);
    }
  }

  private async recordSync(attempt: JobAttempt): Promise<void> {
    const direction = text(field(attempt.result, 'direction')) ?? (await this.directionOf(attempt.data));
    const status =
      attempt.status === 'delayed'
        ? 'rate_limited'
        : attempt.status === 'completed' && field(attempt.result, 'skipped') !== undefined
          ? 'skipped'
          : attempt.status;
    this.metrics.syncTotal.inc({ status, direction });
    if (status !== 'skipped') this.metrics.syncDuration.observe({ direction }, attempt.seconds);
  }

  /** Failed attempts return no summary: the direction comes from the github_sync_jobs row. */
  private async directionOf(data: unknown): Promise<string> {
    const jobId = text(field(data, 'syncJobId'));
    if (!jobId || !this.syncJobs) return 'unknown';
    const job = await this.syncJobs.findByJobId(jobId).catch(() => null);
    return job?.direction ?? 'unknown';
  }

  private recordWebhook(attempt: JobAttempt): void {
    const name = text(field(attempt.result, 'event_type'));
    const eventType = name === undefined ? 'unknown' : githubEventLabel(name);
    const status =
      text(field(attempt.result, 'status')) ??
      (attempt.status === 'completed' ? 'processed' : attempt.status);
    this.metrics.webhookTotal.inc({ event_type: eventType, status });
    if (attempt.status !== 'delayed') this.metrics.webhookDuration.observe(attempt.seconds);
  }
}
