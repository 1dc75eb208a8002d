import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { useIsAdmin, useSlug } from '../api/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { when } from '../components/format';
import { Pager } from '../components/Pager';

const PER_PAGE = 50;

/** Admin actions and credential changes, newest first. */
export function Audit() {
  const slug = useSlug();
  const admin = useIsAdmin();
  const [page, setPage] = useState(1);
  const log = useQuery({
    queryKey: ['audit', slug, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/audit-logs', {
          params: { path: { slug }, query: { page, per_page: PER_PAGE } },
        }),
      ),
    enabled: admin,
  });
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      {!admin ? <p>Only workspace admins read the audit log.</p> : null}
      {log.isError ? <ErrorNotice error={log.error} /> : null}
      {log.data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {log.data.results.map((entry) => (
                <tr key={entry.id}>
                  <td>{when(entry.created_at)}</td>
                  <td>{entry.actor_email ?? '—'}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.target_type}
                    {entry.target_id ? ` ${entry.target_id.slice(0, 8)}` : ''}
                  </td>
                  <td>
                    <code className="details">{entry.details ? JSON.stringify(entry.details) : ''}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} perPage={PER_PAGE} total={log.data.total} onPage={setPage} label="Audit log" />
        </>
      ) : null}
    </section>
  );
}
