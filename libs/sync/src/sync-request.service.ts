import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '#libs/common';
import {
  type GitHubSyncJob,
  IntegrationRepository,
  type RepositorySyncWithRepo,
  SyncJobRepository,
  type SyncTrigger,
  type WorkspaceIntegration,
} from '#libs/db';
import { JobName, JobQueue } from '#libs/queue';
import { SyncJobEvents } from './events/sync-job-events.js';
import type { SyncDirection } from '#libs/issues';

export interface SyncRequest {
  direction?: SyncDirection | undefined;
  force?: boolean | undefined;
  /** "owner/name" of one connected repository; all enabled repositories when absent. */
  repository?: string | undefined;
  trigger: SyncTrigger;
}

export interface RequestedJob {
  job: GitHubSyncJob;
  repository: RepositorySyncWithRepo;
  created: boolean;
}

/** API side of syncing: persists the job row, then enqueues it. Never does sync work inline. */
@Injectable()
export class SyncRequestService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly jobs: SyncJobRepository,
    private readonly queue: JobQueue,
    private readonly events: SyncJobEvents,
  ) {}

  async integrationFor(workspaceId: string): Promise<WorkspaceIntegration> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    if (!integration) throw new NotFoundError('GitHub is not connected for this workspace');
    return integration;
  }

  async request(workspaceId: string, request: SyncRequest): Promise<RequestedJob[]> {
    const integration = await this.integrationFor(workspaceId);
    if (integration.status !== 'connected') {
      throw new ValidationError('the GitHub integration is disconnected; connect it again first');
    }
    const targets = await this.targets(integration.id, request.repository);
    const results: RequestedJob[] = [];
    for (const repository of targets) {
      results.push(
        await this.requestRepository(repository, request.trigger, {
          full: request.force ?? false,
          direction: request.direction,
        }),
      );
    }
    return results;
  }

  /** Creates (or returns the active) job for one repository sync and makes sure it is on the queue. */
  async requestRepository(
    repository: RepositorySyncWithRepo,
    trigger: SyncTrigger,
    options: { full?: boolean; direction?: SyncDirection | undefined } = {},
  ): Promise<RequestedJob> {
    const { job, created } = await this.jobs.createOrGetActive({
      workspaceId: repository.workspaceId,
      integrationId: repository.workspaceIntegrationId,
      repositorySyncId: repository.id,
      direction: options.direction ?? repository.direction,
      trigger,
      full: options.full ?? false,
    });
    if (created) this.events.changed(job);
    if (job.status === 'queued') await this.enqueue(job);
    return { job, repository, created };
  }

  /** (Re)enqueues a queued job. BullMQ dedupes by job id, so a lost or repeated enqueue is harmless. */
  private async enqueue(job: GitHubSyncJob): Promise<void> {
    try {
      await this.queue.enqueue(JobName.SyncRepository, { syncJobId: job.jobId }, job.jobId);
    } catch (error) {
      const failed = await this.jobs.recordError(
        job.jobId,
        'could not enqueue the sync job: the queue is unavailable',
        {},
        true,
      );
      this.events.changed(failed);
      throw error;
    }
  }

  private async targets(integrationId: string, repository: string | undefined) {
    const all = await this.integrations.listRepositorySyncs(integrationId);
    if (repository) {
      const match = all.find(
        (r) => `${r.repository.owner}/${r.repository.name}`.toLowerCase() === repository.toLowerCase(),
      );
      if (!match) throw new ValidationError(`repository ${repository} is not connected`, 'repository');
      return [match];
    }
    const enabled = all.filter((r) => r.enabled);
    if (enabled.length === 0) throw new ValidationError('no repository is connected to sync', 'repository');
    return enabled;
  }
}
