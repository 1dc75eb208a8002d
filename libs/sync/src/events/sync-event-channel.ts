import { z } from 'zod';

/**
 * Sync job changes travel over Redis pub/sub, one channel per workspace: `<QUEUE_PREFIX>:events:<workspace
 * id>`. A message announces that a job row changed (it was written before the message was published);
 * subscribers read the row (or the workspace status) themselves. See docs/architecture.md §Live progress.
 */
export function eventsChannel(prefix: string, workspaceId: string): string {
  return `${prefix}:events:${workspaceId}`;
}

const changeSchema = z.object({
  type: z.literal('sync_job'),
  workspace_id: z.string(),
  job_id: z.string(),
  status: z.string(),
  /** The row's version after the write when the writer knows it. */
  version: z.number().int().nullable(),
  /** When it was published (ISO). */
  at: z.string(),
});

export type SyncJobChange = z.infer<typeof changeSchema>;

export interface ChangedJob {
  jobId: string;
  workspaceId: string;
  status: string;
  version?: number | undefined;
}

export function encodeChange(job: ChangedJob, now = new Date()): string {
  const change: SyncJobChange = {
    type: 'sync_job',
    workspace_id: job.workspaceId,
    job_id: job.jobId,
    status: job.status,
    version: job.version ?? null,
    at: now.toISOString(),
  };
  return JSON.stringify(change);
}

/** The change a message announces, or null when it is not one (ignored). */
export function decodeChange(text: string): SyncJobChange | null {
  try {
    const parsed = changeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const TERMINAL_JOB_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);
