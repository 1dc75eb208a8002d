import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import type { StatusBody } from '../api/types';
import { useIsAdmin, useSlug } from '../api/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { JobProgress } from '../components/JobProgress';
import { JobStatus } from '../components/JobStatus';
import { JobTable, itemCount } from '../components/JobTable';
import { Pager } from '../components/Pager';
import { useEventStream } from '../hooks/use-event-stream';

const PER_PAGE = 20;
const STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
type Status = (typeof STATUSES)[number];

export function Sync() {
  const slug = useSlug();
  const admin = useIsAdmin();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [status, setStatus] = useState<Status | ''>('');
  // The query takes lists: ?status=a,b (here one value).
  const [repository, setRepository] = useState('');
  const [page, setPage] = useState(1);
  const base = `/api/workspaces/${slug}/integrations/github-mcp`;
  const parseStatus = useCallback((data: unknown) => data as StatusBody, []);
  const live = useEventStream(`${base}/status/events`, 'status', parseStatus);
  const jobs = useQuery({
    queryKey: ['jobs', slug, status, repository, page, live.value?.current_sync_job?.status],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/sync-jobs', {
          params: {
            path: { slug },
            query: {
              page,
              per_page: PER_PAGE,
              ...(status ? { status: [status] } : {}),
              ...(repository ? { repository } : {}),
            },
          },
        }),
      ),
  });
  const syncAll = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/workspaces/{slug}/integrations/github-mcp/sync', {
          params: { path: { slug } },
          body: {},
        }),
      ),
    onSuccess: async (answer) => {
      await client.invalidateQueries({ queryKey: ['jobs', slug] });
      if (answer.job_id) navigate(`/sync/${answer.job_id}`);
    },
  });
  const current = live.value?.current_sync_job ?? null;
  const repositories = live.value?.repositories ?? [];
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">Sync</h1>
      {admin ? (
        <p>
          <button
            type="button"
            className="primary"
            disabled={syncAll.isPending}
            onClick={() => syncAll.mutate()}
          >
            Sync now (all repositories)
          </button>
        </p>
      ) : null}
      {syncAll.error ? <ErrorNotice error={syncAll.error} /> : null}
      <h2>Now</h2>
      <p className="hint" aria-live="polite">
        Live updates: {live.state === 'open' ? 'connected' : live.state}
      </p>
      {current ? (
        <div className="panel">
          <p>
            <Link to={`/sync/${current.job_id}`}>Job {current.job_id.slice(0, 8)}</Link>{' '}
            <JobStatus status={current.status} />
          </p>
          <JobProgress job={current} />
        </div>
      ) : (
        <p>No sync is running.</p>
      )}
      <h2>History</h2>
      <form className="inline" aria-label="Filter jobs" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          label="Status"
          value={status}
          options={STATUSES}
          onChange={(value) => {
            setPage(1);
            setStatus(STATUSES.find((s) => s === value) ?? '');
          }}
        />
        <FilterSelect
          label="Repository"
          value={repository}
          options={repositories.map((r) => r.full_name)}
          onChange={(value) => {
            setPage(1);
            setRepository(value);
          }}
        />
      </form>
      {jobs.isError ? <ErrorNotice error={jobs.error} /> : null}
      {jobs.data ? (
        <>
          <JobTable
            jobs={jobs.data.results}
            columns={[
              { header: 'Trigger', cell: (job) => job.trigger },
              {
                header: 'Items',
                cell: (job) => itemCount(job.items_synced, job.items_total, job.items_failed),
              },
              { header: 'Created', cell: (job) => when(job.created_at) },
              { header: 'Finished', cell: (job) => when(job.completed_at) },
            ]}
          />
          {jobs.data.results.length === 0 ? <p>No job matches.</p> : null}
          <Pager page={page} perPage={PER_PAGE} total={jobs.data.total} onPage={setPage} label="Jobs" />
        </>
      ) : null}
    </section>
  );
}
