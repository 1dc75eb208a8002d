import type { GitHubSyncJob, IntegrationSummary, RepositorySyncSummary, SyncCheckpoint } from '#libs/db';
import type { RequestedJob } from '#libs/sync';
import type { IntegrationView } from '../docs/responses/integration.js';
import type { RepositorySyncView } from '../docs/responses/repositories.js';
import type { SyncJobSummaryView, SyncJobView } from '../docs/responses/sync-jobs.js';

export function presentJob(job: GitHubSyncJob, repository: string | null = null): SyncJobView {
  const done = job.itemsSynced + job.itemsFailed;
  const percent =
    job.status === 'completed'
      ? 100
      : job.itemsTotal > 0
        ? Math.min(99, Math.floor((done / job.itemsTotal) * 100))
        : 0;
  return {
    job_id: job.jobId,
    /** Bumped on every write of the job: the SSE event id. */
    version: job.version,
    status: job.status,
    repository,
    direction: job.direction,
    trigger: job.trigger,
    full: job.full,
    repository_sync_id: job.repositorySyncId,
    items_total: job.itemsTotal,
    items_synced: job.itemsSynced,
    items_failed: job.itemsFailed,
    progress: percent,
    percent,
    done,
    total: job.itemsTotal,
    failures: job.itemsFailed,
    ...presentProgress(job),
    checkpoint: job.checkpoint,
    error_message: job.errorMessage,
    error_details: job.errorDetails,
    metadata: job.metadata,
    created_at: job.createdAt,
    started_at: job.startedAt,
    completed_at: job.completedAt,
    updated_at: job.updatedAt,
  };
}

/** A connected repository with its last sync, the age of its incremental cursor and its current job. */
export function presentRepository(
  sync: RepositorySyncSummary,
  active: GitHubSyncJob | null = null,
  now = Date.now(),
): RepositorySyncView {
  return {
    id: sync.id,
    full_name: `${sync.repository.owner}/${sync.repository.name}`,
    github_id: sync.repository.githubId.toString(),
    private: sync.repository.private,
    project_id: sync.projectId,
    project_name: sync.project.name,
    direction: sync.direction,
    enabled: sync.enabled,
    sync_interval_seconds: sync.syncIntervalSeconds,
    include_comments: sync.includeComments,
    include_pull_requests: sync.includePullRequests,
    label_filter: sync.labelFilter,
    state_mapping: sync.stateMapping as RepositorySyncView['state_mapping'],
    last_cursor: sync.lastCursor,
    last_synced_at: sync.lastSyncedAt,
    cursor_age_seconds: sync.lastCursor
      ? Math.max(0, Math.floor((now - sync.lastCursor.getTime()) / 1000))
      : null,
    current_job: active ? presentJobSummary(active) : null,
  };
}

/** The short form of a job (repositories' current job, overview's recent jobs). */
export function presentJobSummary(job: GitHubSyncJob, repository: string | null = null): SyncJobSummaryView {
  const full = presentJob(job, repository);
  return {
    job_id: full.job_id,
    status: full.status,
    repository: full.repository,
    trigger: full.trigger,
    direction: full.direction,
    phase: full.phase,
    percent: full.percent,
    done: full.done,
    total: full.total,
    failures: full.failures,
    last_error: full.last_error,
    created_at: full.created_at,
    completed_at: full.completed_at,
  };
}

/** Never includes the token or webhook secret, encrypted or not. */
export function presentIntegration(integration: IntegrationSummary): IntegrationView {
  return {
    id: integration.id,
    provider: integration.provider,
    auth_kind: integration.authKind,
    status: integration.status,
    status_message: integration.statusMessage,
    github_login: integration.githubLogin,
    scopes: integration.scopes,
    installation_id: integration.installationId?.toString() ?? null,
    created_at: integration.createdAt,
    updated_at: integration.updatedAt,
  };
}

/** Where a running job is: phase, per-phase counters, cursor, rate-limit wait and last error. */
type ProgressView = Pick<
  SyncJobView,
  | 'phase'
  | 'items_fetched'
  | 'items_written'
  | 'items_skipped'
  | 'cursor'
  | 'rate_limit_wait_until'
  | 'waiting_until'
  | 'wait_reason'
  | 'last_error'
>;

function presentProgress(job: GitHubSyncJob): ProgressView {
  const cp = (job.checkpoint ?? {}) as Partial<SyncCheckpoint>;
  const meta = (job.metadata ?? {}) as { rate_limited_until?: string };
  const waiting = meta.rate_limited_until && new Date(meta.rate_limited_until) > new Date();
  return {
    phase:
      job.status === 'queued' ? 'queued' : job.status === 'running' ? (cp.phase ?? 'starting') : job.status,
    items_fetched: cp.fetched ?? 0,
    items_written: cp.written ?? 0,
    items_skipped: cp.skipped ?? 0,
    cursor: { after: cp.after ?? null, since: cp.since ?? null, max_updated_at: cp.maxUpdatedAt ?? null },
    rate_limit_wait_until: waiting ? (meta.rate_limited_until ?? null) : null,
    waiting_until: waiting ? (meta.rate_limited_until ?? null) : null,
    wait_reason: waiting ? ('rate_limit' as const) : null,
    last_error: job.errorMessage,
  };
}

/** The jobs a sync request queued or found queued (`job_id`/`status`: the first one's). */
export function presentRequestedJobs(jobs: RequestedJob[]) {
  const [first] = jobs;
  return {
    job_id: first?.job.jobId,
    status: first?.job.status,
    jobs: jobs.map((j) => ({
      job_id: j.job.jobId,
      status: j.job.status,
      repository: `${j.repository.repository.owner}/${j.repository.repository.name}`,
      created: j.created,
    })),
  };
}

/** The job started by connecting a repository (null when the mapping is disabled). */
export function presentConnectJob(job: RequestedJob | undefined) {
  return job ? { job_id: job.job.jobId, status: job.job.status, created: job.created } : null;
}
