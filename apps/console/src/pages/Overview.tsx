import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { useSlug } from '../api/session';
import { CopyField } from '../components/CopyField';
import { ErrorNotice } from '../components/ErrorNotice';
import { ago, when } from '../components/format';
import { JobTable, itemCount } from '../components/JobTable';

const AUTH_KINDS: Record<string, string> = {
  oauth: 'OAuth (a GitHub user)',
  installation: 'GitHub App installation',
  token: 'Personal access token',
};

export function Overview() {
  const slug = useSlug();
  const overview = useQuery({
    queryKey: ['overview', slug],
    queryFn: () =>
      unwrap(
        api.GET('/api/workspaces/{slug}/integrations/github-mcp/overview', { params: { path: { slug } } }),
      ),
    refetchInterval: 15_000,
  });
  if (overview.isPending) return <p className="loading">Loading…</p>;
  if (overview.isError) return <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />;
  const { integration, webhooks, write_budget: budget, recent_jobs: jobs } = overview.data;
  const connected = integration.status === 'connected';
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview</h1>
      <div className="cards">
        <article className="card" aria-labelledby="gh-title">
          <h2 id="gh-title">GitHub</h2>
          <p>
            <span className={`badge ${connected ? 'badge-ok' : 'badge-off'}`}>
              {connected ? 'Connected' : integration.status === null ? 'Not connected' : integration.status}
            </span>
          </p>
          {integration.auth_kind ? (
            <dl>
              <dt>How</dt>
              <dd>{AUTH_KINDS[integration.auth_kind] ?? integration.auth_kind}</dd>
              <dt>GitHub login</dt>
              <dd>{integration.github_login ?? '—'}</dd>
              <dt>Scopes</dt>
              <dd>{integration.scopes.length ? integration.scopes.join(', ') : '—'}</dd>
              {integration.installation_id ? (
                <>
                  <dt>Installation</dt>
                  <dd>{integration.installation_id}</dd>
                </>
              ) : null}
            </dl>
          ) : (
            <p>
              <Link to="/connect">Connect GitHub</Link> to start syncing.
            </p>
          )}
        </article>
        <article className="card" aria-labelledby="wh-title">
          <h2 id="wh-title">Webhooks</h2>
          <dl>
            <dt>Last delivery</dt>
            <dd>{ago(webhooks.last_received_at)}</dd>
            <dt>Processed (24 h)</dt>
            <dd>{webhooks.processed_24h}</dd>
            <dt>Failed (24 h)</dt>
            <dd>
              {webhooks.failed_24h > 0 ? <Link to="/webhooks?status=failed">{webhooks.failed_24h}</Link> : 0}
            </dd>
          </dl>
        </article>
        <article className="card" aria-labelledby="wb-title">
          <h2 id="wb-title">Write budget</h2>
          <p>
            <meter
              min={0}
              max={budget.per_minute}
              value={budget.used_last_minute ?? 0}
              aria-labelledby="wb-title"
            />{' '}
            {budget.used_last_minute ?? 'unknown'} of {budget.per_minute} writes in the last minute
          </p>
          <p className="hint">At most {budget.concurrency_per_token} writes at once per token.</p>
        </article>
      </div>
      {webhooks.stale_repositories.length > 0 ? (
        <div className="notice notice-warn" role="status">
          <h2>No webhook deliveries for a while</h2>
          <p>
            {webhooks.stale_repositories
              .map((r) => `${r.full_name} (last: ${ago(r.last_delivery_at)})`)
              .join(', ')}
            . Add a webhook in each repository's (or the App's) settings on GitHub so edits arrive at once:
          </p>
          <CopyField label="Payload URL" value={webhooks.url} />
          <p>
            Content type <code>application/json</code>; secret: the value of{' '}
            <code>GITHUB_WEBHOOK_SECRET</code>
            {webhooks.secret_configured
              ? ' (configured on this deployment)'
              : ' (not configured yet: set it first)'}
            ; events: Issues, Issue comments, Pull requests, Repositories, Installations.
          </p>
        </div>
      ) : null}
      <h2>Last syncs</h2>
      {jobs.length === 0 ? (
        <p>No sync has run yet.</p>
      ) : (
        <JobTable
          jobs={jobs}
          columns={[
            { header: 'Repository', cell: (job) => job.repository ?? '—' },
            { header: 'Items', cell: (job) => itemCount(job.done, job.total, job.failures) },
            { header: 'Created', cell: (job) => when(job.created_at) },
          ]}
        />
      )}
    </section>
  );
}
