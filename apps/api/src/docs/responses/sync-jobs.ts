import { z } from 'zod';
import { dateTime, json, page, syncDirection, syncJobStatus, syncTrigger } from './common.js';

const isoString = () => z.string().meta({ format: 'date-time' });

/** Where the list_issues pass of a job is (from its checkpoint). */
export const syncJobCursorSchema = z
  .object({
    after: z.string().nullable().describe('list_issues cursor after the last committed page'),
    since: isoString().nullable().describe('`since` the pass started from (null: full)'),
    max_updated_at: isoString().nullable().describe('newest GitHub updated_at applied so far'),
  })
  .meta({ id: 'SyncJobCursor' });

/** presentJob: a sync job with its progress. */
export const syncJobSchema = z
  .object({
    job_id: z.string(),
    version: z.number().int().describe('bumped on every write of the job; the `id` of its SSE events'),
    status: syncJobStatus,
    repository: z.string().nullable().describe('owner/name; null when the repository was disconnected'),
    direction: syncDirection,
    trigger: syncTrigger,
    full: z.boolean().describe('full resync (ignores the incremental cursor)'),
    repository_sync_id: z.string().uuid().nullable(),
    items_total: z.number().int(),
    items_synced: z.number().int(),
    items_failed: z.number().int(),
    progress: z.number().int().min(0).max(100).describe('percent; 100 only when completed'),
    percent: z.number().int().min(0).max(100).describe('same as progress'),
    done: z.number().int().describe('items synced + failed'),
    total: z.number().int().describe('same as items_total'),
    failures: z.number().int().describe('same as items_failed'),
    phase: z
      .enum(['queued', 'starting', 'listing', 'done', 'completed', 'failed', 'cancelled'])
      .describe('queued; while running starting, listing or done; then the final status'),
    items_fetched: z.number().int(),
    items_written: z.number().int(),
    items_skipped: z.number().int(),
    cursor: syncJobCursorSchema,
    rate_limit_wait_until: isoString().nullable().describe('while waiting for a GitHub rate limit'),
    waiting_until: isoString().nullable().describe("while waiting for GitHub's rate limit: when it resets"),
    wait_reason: z.enum(['rate_limit']).nullable(),
    last_error: z.string().nullable().describe('same as error_message'),
    checkpoint: json('resume point written after every page ({phase, after, since, …}), or null'),
    error_message: z.string().nullable(),
    error_details: json('details of the last error (JSON), or null'),
    metadata: json('job metadata (JSON object)'),
    created_at: dateTime(),
    started_at: dateTime().nullable(),
    completed_at: dateTime().nullable(),
    updated_at: dateTime(),
  })
  .meta({ id: 'SyncJob', description: 'A sync job of a repository, with its progress' });
export type SyncJobView = z.output<typeof syncJobSchema>;

/** presentJobSummary: the short form (a repository's current job, the overview's recent jobs). */
export const syncJobSummarySchema = syncJobSchema
  .pick({
    job_id: true,
    status: true,
    repository: true,
    trigger: true,
    direction: true,
    phase: true,
    percent: true,
    done: true,
    total: true,
    failures: true,
    last_error: true,
    created_at: true,
    completed_at: true,
  })
  .meta({ id: 'SyncJobSummary' });
export type SyncJobSummaryView = z.output<typeof syncJobSummarySchema>;

/** GET sync-jobs: the job history, newest first. */
export const syncJobPageSchema = page(syncJobSchema, 'SyncJobPage', 'Sync jobs, newest first');

/** One job of POST sync. */
export const requestedSyncJobSchema = z
  .object({
    job_id: z.string(),
    status: syncJobStatus,
    repository: z.string().meta({ example: 'octo-org/octo-repo' }),
    created: z.boolean().describe('false: the job was already queued or running'),
  })
  .meta({ id: 'RequestedSyncJob' });

/** POST sync: job_id/status are the first job's (there is always at least one). */
export const syncRequestResponseSchema = z
  .object({
    job_id: z.string().optional().describe("the first job's id"),
    status: syncJobStatus.optional().describe("the first job's status"),
    jobs: z.array(requestedSyncJobSchema),
  })
  .meta({ id: 'SyncRequestResponse' });
