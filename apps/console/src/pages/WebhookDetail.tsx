import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useIsAdmin, useSlug } from '../api/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { when } from '../components/format';

export function WebhookDetail() {
  const slug = useSlug();
  const admin = useIsAdmin();
  const client = useQueryClient();
  const { deliveryId = '' } = useParams();
  const delivery = useQuery({
    queryKey: ['webhook', slug, deliveryId],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/webhook-events/{deliveryId}', {
          params: { path: { slug, deliveryId } },
        }),
      ),
    refetchInterval: (q) =>
      q.state.data && ['processed', 'failed', 'ignored'].includes(q.state.data.status) ? false : 2000,
  });
  const replay = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/workspaces/{slug}/integrations/github-mcp/webhook-events/{deliveryId}/replay', {
          params: { path: { slug, deliveryId } },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhook', slug, deliveryId] }),
  });
  if (delivery.isError) return <ErrorNotice error={delivery.error} />;
  if (!delivery.data) return <p className="loading">Loading…</p>;
  const d = delivery.data;
  return (
    <section aria-labelledby="wd-title">
      <p>
        <Link to="/webhooks">← Webhook deliveries</Link>
      </p>
      <h1 id="wd-title">Delivery {d.delivery_id}</h1>
      <dl className="grid">
        <dt>Event</dt>
        <dd>
          {d.event}
          {d.action ? `.${d.action}` : ''}
        </dd>
        <dt>Status</dt>
        <dd>{d.status}</dd>
        <dt>Attempts</dt>
        <dd>{d.retry_count + 1}</dd>
        <dt>Received</dt>
        <dd>{when(d.created_at)}</dd>
        <dt>Processed</dt>
        <dd>{when(d.processed_at)}</dd>
        <dt>Result</dt>
        <dd>{d.result ? <pre>{JSON.stringify(d.result, null, 2)}</pre> : '—'}</dd>
        {d.error_message ? (
          <>
            <dt>Error</dt>
            <dd className="error-text">{d.error_message}</dd>
          </>
        ) : null}
      </dl>
      {admin ? (
        <p>
          <button type="button" disabled={replay.isPending} onClick={() => replay.mutate()}>
            Replay
          </button>
          {replay.isSuccess ? <span role="status"> Replay queued.</span> : null}
        </p>
      ) : null}
      {replay.error ? <ErrorNotice error={replay.error} /> : null}
      <details>
        <summary>Payload summary</summary>
        <pre>{JSON.stringify(d.payload ?? null, null, 2)}</pre>
      </details>
    </section>
  );
}
