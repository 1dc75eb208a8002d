import { when } from './format';

import type { SyncJob } from '../api/types';

/** The fields of a sync job (GET …/sync-jobs/{id}/, a stream's `job` event) the progress display reads. */
export type ProgressJob = Pick<
  SyncJob,
  | 'status'
  | 'phase'
  | 'progress'
  | 'items_total'
  | 'items_synced'
  | 'items_failed'
  | 'rate_limit_wait_until'
  | 'error_message'
>;

export function JobProgress({ job }: { job: ProgressJob }) {
  return (
    <div className="progress">
      <p>
        Phase: <strong>{job.phase}</strong> · {job.items_synced} / {job.items_total} items
        {job.items_failed ? ` · ${job.items_failed} failed` : ''}
      </p>
      <progress max={100} value={job.progress} aria-label="Sync progress">
        {job.progress}%
      </progress>{' '}
      <span aria-live="polite">{job.progress}%</span>
      {job.rate_limit_wait_until ? (
        <p className="notice notice-warn" role="status">
          Waiting for GitHub's rate limit until {when(job.rate_limit_wait_until)}.
        </p>
      ) : null}
      {job.error_message ? (
        <p className="notice notice-error" role="alert">
          Last error: {job.error_message}
        </p>
      ) : null}
    </div>
  );
}
