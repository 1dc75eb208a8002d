import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { FilterSelect } from '../components/FilterSelect';
import { when } from '../components/format';
import { Pager } from '../components/Pager';
import { useUrlFilters } from '../hooks/use-url-filters';

const PER_PAGE = 25;
const STATUSES = ['received', 'queued', 'processing', 'processed', 'failed', 'ignored'] as const;
const EVENTS = [
  'issues',
  'issue_comment',
  'pull_request',
  'repository',
  'installation',
  'installation_repositories',
  'ping',
] as const;

/** Stored deliveries with status and event filters (kept in the URL, so a filtered list can be shared). */
export function Webhooks() {
  const slug = useSlug();
  const { params, page, set, oneOf } = useUrlFilters();
  const status = oneOf('status', STATUSES);
  const event = params.get('event') ?? '';
  const list = useQuery({
    queryKey: ['webhooks', slug, status, event, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/webhook-events', {
          params: {
            path: { slug },
            query: { page, per_page: PER_PAGE, ...(status ? { status } : {}), ...(event ? { event } : {}) },
          },
        }),
      ),
    refetchInterval: 10_000,
  });
  return (
    <section aria-labelledby="wh-list-title">
      <h1 id="wh-list-title">Webhook deliveries</h1>
      <form className="inline" aria-label="Filter deliveries" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect
          label="Status"
          value={status}
          options={STATUSES}
          onChange={(value) => set('status', value)}
        />
        <FilterSelect
          label="Event"
          value={event}
          options={EVENTS}
          onChange={(value) => set('event', value)}
        />
      </form>
      {list.isError ? <ErrorNotice error={list.error} /> : null}
      {list.data ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Delivery</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {list.data.results.map((d) => (
                <tr key={d.delivery_id}>
                  <td>
                    <Link to={`/webhooks/${encodeURIComponent(d.delivery_id)}`}>{d.delivery_id}</Link>
                  </td>
                  <td>
                    {d.event}
                    {d.action ? `.${d.action}` : ''}
                  </td>
                  <td>
                    <span
                      className={`badge ${d.status === 'failed' ? 'badge-bad' : d.status === 'processed' ? 'badge-ok' : 'badge-off'}`}
                    >
                      {d.status}
                    </span>
                  </td>
                  <td>{d.retry_count + 1}</td>
                  <td>{when(d.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.data.results.length === 0 ? <p>No delivery matches.</p> : null}
          <Pager
            page={page}
            perPage={PER_PAGE}
            total={list.data.total}
            onPage={(p) => set('page', String(p))}
            label="Deliveries"
          />
        </>
      ) : null}
    </section>
  );
}
