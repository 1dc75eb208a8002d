import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/common';
import {
  type GitHubSyncJob,
  IntegrationRepository,
  type RepositorySyncSummary,
  type RepositorySyncWithRepo,
  SyncJobRepository,
  SyncStatusReadModel,
  type SyncJobStatus,
  type SyncTrigger,
  type WorkspaceIntegration,
} from '#libs/db';
import type { SyncDirection } from '#libs/issues';

const RECENT_JOBS = 10;
const NOT_CONNECTED = 'GitHub is not connected for this workspace';

/** A job with the "owner/name" of its repository (null: the repository was disconnected since). */
export interface JobView {
  job: GitHubSyncJob;
  repository: string | null;
}

export interface JobHistoryQuery {
  statuses?: SyncJobStatus[] | undefined;
  /** "owner/name"; a repository that is not connected has no jobs to list. */
  repository?: string | undefined;
  triggers?: SyncTrigger[] | undefined;
  directions?: SyncDirection[] | undefined;
  page: number;
  perPage: number;
}

/** What dashboards poll: the integration, its repositories, the current job and recent ones. */
@Injectable()
export class SyncStatusService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly jobs: SyncJobRepository,
    private readonly statusReads: SyncStatusReadModel,
  ) {}

  async status(workspaceId: string) {
    const reads = await this.statusReads.status(workspaceId, RECENT_JOBS);
    if (!reads) throw new NotFoundError(NOT_CONNECTED);
    const { integration, repositories, recent, active } = reads;
    /** The current job: the oldest running one, else the oldest queued one (active is oldest first). */
    const current = active.find((j) => j.status === 'running') ?? active[0] ?? null;
    const names = repositoryNames(repositories);
    /** The queued or running job of each repository sync. */
    const activeByRepository = new Map(active.map((j) => [j.repositorySyncId ?? '', j]));
    return { integration, repositories, current, recent, activeByRepository, names };
  }

  /** One job with its repository's name (for the detail route and its live stream). */
  async jobView(workspaceId: string, jobId: string): Promise<JobView> {
    const view = await this.jobs.findViewForWorkspace(workspaceId, jobId);
    if (!view) throw new NotFoundError(`sync job ${jobId} not found`);
    return view;
  }

  /** Job history, newest first. */
  async history(workspaceId: string, query: JobHistoryQuery): Promise<{ items: JobView[]; total: number }> {
    const integration = await this.integrationFor(workspaceId);
    const repositories = await this.integrations.listRepositorySyncs(integration.id);
    const names = repositoryNames(repositories);
    let repositorySyncId: string | null | undefined;
    if (query.repository) {
      const wanted = query.repository.toLowerCase();
      repositorySyncId = [...names].find(([, name]) => name.toLowerCase() === wanted)?.[0] ?? null;
    }
    const { items, total } = await this.jobs.list(integration.id, { ...query, repositorySyncId });
    return { items: items.map((job) => ({ job, repository: nameOf(names, job) })), total };
  }

  private async integrationFor(workspaceId: string): Promise<WorkspaceIntegration> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    if (!integration) throw new NotFoundError(NOT_CONNECTED);
    return integration;
  }
}

export function repositoryNames(
  repositories: Pick<RepositorySyncWithRepo, 'id' | 'repository'>[] | RepositorySyncSummary[],
): Map<string, string> {
  return new Map(repositories.map((r) => [r.id, `${r.repository.owner}/${r.repository.name}`]));
}

export function nameOf(names: Map<string, string>, job: GitHubSyncJob): string | null {
  return job.repositorySyncId ? (names.get(job.repositorySyncId) ?? null) : null;
}
