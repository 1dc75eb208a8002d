import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';
import type { SyncJob } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { when } from '../components/format';
import { JobProgress } from '../components/JobProgress';
import { JobStatus } from '../components/JobStatus';
import { useEventStream } from '../hooks/use-event-stream';

/** One job, live: the server pushes each change (`…/sync-jobs/{id}/events`); the first answer is a GET. */
export function JobDetail() {
  const slug = useSlug();
  const { jobId = '' } = useParams();
  const polled = useQuery({
    queryKey: ['job', slug, jobId],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/sync-jobs/{jobId}', {
          params: { path: { slug, jobId } },
        }),
      ),
  });
  const parse = useCallback((data: unknown) => data as SyncJob, []);
  const live = useEventStream(
    polled.data ? `/api/workspaces/${slug}/integrations/github-mcp/sync-jobs/${jobId}/events` : null,
    'job',
    parse,
  );
  const job = live.value ?? polled.data;
  if (polled.isError) return <ErrorNotice error={polled.error} />;
  if (!job) return <p className="loading">Loading…</p>;
  return (
    <section aria-labelledby="job-title">
      <p>
        <Link to="/sync">← Sync</Link>
      </p>
      <h1 id="job-title">
        Sync job {job.job_id.slice(0, 8)} <JobStatus status={job.status} />
      </h1>
      <p className="hint" aria-live="polite">
        Live updates: {live.state === 'open' ? 'connected' : live.state}
      </p>
      <JobProgress job={job} />
      <dl className="grid">
        <dt>Job id</dt>
        <dd>
          <code>{job.job_id}</code>
        </dd>
        <dt>Direction</dt>
        <dd>{job.direction}</dd>
        <dt>Trigger</dt>
        <dd>
          {job.trigger}
          {job.full ? ' (full)' : ''}
        </dd>
        <dt>Fetched / written / skipped</dt>
        <dd>
          {job.items_fetched} / {job.items_written} / {job.items_skipped}
        </dd>
        <dt>Created</dt>
        <dd>{when(job.created_at)}</dd>
        <dt>Started</dt>
        <dd>{when(job.started_at)}</dd>
        <dt>Finished</dt>
        <dd>{when(job.completed_at)}</dd>
      </dl>
      {job.error_details ? (
        <details>
          <summary>Error details</summary>
          <pre>{JSON.stringify(job.error_details, null, 2)}</pre>
        </details>
      ) : null}
      <details>
        <summary>Checkpoint</summary>
        <pre>{JSON.stringify(job.checkpoint, null, 2)}</pre>
      </details>
    </section>
  );
}
