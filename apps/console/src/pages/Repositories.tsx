import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useIsAdmin, useSlug } from '../api/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { ago, duration } from '../components/format';
import { JobStatus } from '../components/JobStatus';
import { RepositoryForm, type RepositorySettings } from './RepositoryForm';
import { RepositorySearch } from './RepositorySearch';

export function Repositories() {
  const slug = useSlug();
  const admin = useIsAdmin();
  const client = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const status = useQuery({
    queryKey: ['status', slug],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/status', { params: { path: { slug } } }),
      ),
    refetchInterval: 10_000,
  });
  const sync = useMutation({
    mutationFn: (repository: string) =>
      unwrap(
        api.POST('/api/workspaces/{slug}/integrations/github-mcp/sync', {
          params: { path: { slug } },
          body: { repository },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['status', slug] }),
  });
  const toggle = useMutation({
    mutationFn: (input: { repository: string; enabled: boolean }) =>
      unwrap(
        api.PATCH('/api/workspaces/{slug}/integrations/github-mcp/configure', {
          params: { path: { slug } },
          body: input,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['status', slug] }),
  });
  const repositories = status.data?.repositories ?? [];
  return (
    <section aria-labelledby="repos-title">
      <h1 id="repos-title">Repositories</h1>
      {status.isError ? <ErrorNotice error={status.error} /> : null}
      {sync.error ? <ErrorNotice error={sync.error} /> : null}
      {toggle.error ? <ErrorNotice error={toggle.error} /> : null}
      <h2>Connected</h2>
      {repositories.length === 0 ? (
        <p>No repository is connected yet{admin ? ': search below and connect one.' : '.'}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col">Project</th>
              <th scope="col">Direction</th>
              <th scope="col">Last sync</th>
              <th scope="col">Cursor age</th>
              <th scope="col">Current job</th>
              {admin ? <th scope="col">Actions</th> : null}
            </tr>
          </thead>
          <tbody>
            {repositories.map((r) => (
              <tr key={r.id} className={r.enabled ? '' : 'disabled'}>
                <th scope="row">
                  {r.full_name}
                  {r.enabled ? null : <span className="badge badge-off">disabled</span>}
                </th>
                <td>{r.project_name}</td>
                <td>{r.direction.replace('_', ' ')}</td>
                <td>{ago(r.last_synced_at)}</td>
                <td>{duration(r.cursor_age_seconds)}</td>
                <td>
                  {r.current_job ? (
                    <Link to={`/sync/${r.current_job.job_id}`}>
                      <JobStatus status={r.current_job.status} /> {r.current_job.percent}%
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                {admin ? (
                  <td className="row-actions">
                    <button
                      type="button"
                      disabled={!r.enabled || sync.isPending}
                      onClick={() => sync.mutate(r.full_name)}
                    >
                      Sync now<span className="sr-only"> {r.full_name}</span>
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing(editing === r.id ? null : r.id)}
                      aria-expanded={editing === r.id}
                    >
                      Edit<span className="sr-only"> {r.full_name}</span>
                    </button>
                    <button
                      type="button"
                      onClick={() => toggle.mutate({ repository: r.full_name, enabled: !r.enabled })}
                    >
                      {r.enabled ? 'Disable' : 'Enable'}
                      <span className="sr-only"> {r.full_name}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {repositories
        .filter((r) => r.id === editing)
        .map((r) => (
          <RepositoryForm
            key={r.id}
            repository={r.full_name}
            mode="configure"
            initial={{
              project_id: r.project_id,
              direction: r.direction,
              sync_interval_seconds: r.sync_interval_seconds,
              label_filter: r.label_filter,
              state_mapping: r.state_mapping as RepositorySettings['state_mapping'],
              include_comments: r.include_comments,
              include_pull_requests: r.include_pull_requests,
            }}
            onDone={() => setEditing(null)}
          />
        ))}
      {admin ? <RepositorySearch connected={new Set(repositories.map((r) => r.full_name))} /> : null}
    </section>
  );
}
