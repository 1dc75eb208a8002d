import { Injectable } from '@nestjs/common';
import { NotFoundError } from '#libs/common';
import { type GitHubSyncJob, IntegrationRepository, SyncJobRepository } from '#libs/db';

const RECENT_JOBS = 10;

/** What dashboards poll: the integration, its repositories, the current job and recent ones. */
@Injectable()
export class SyncStatusService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly jobs: SyncJobRepository,
  ) {}

  async status(workspaceId: string) {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    if (!integration) throw new NotFoundError('GitHub is not connected for this workspace');
    const [repositories, current, recent] = await Promise.all([
      this.integrations.listRepositorySyncs(integration.id),
      this.jobs.findCurrent(integration.id),
      this.jobs.listRecent(integration.id, RECENT_JOBS),
    ]);
    return { integration, repositories, current, recent };
  }

  async job(workspaceId: string, jobId: string): Promise<GitHubSyncJob> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    const job = integration ? await this.jobs.findForIntegration(integration.id, jobId) : null;
    if (!job) throw new NotFoundError(`sync job ${jobId} not found`);
    return job;
  }
}
