import { Injectable } from '@nestjs/common';
import {
  IntegrationRepository,
  type RepositorySyncWithRepo,
} from '../integrations/integration.repository.js';
import { SyncJobRepository } from '../jobs/sync-job.repository.js';
import type { GitHubSyncJob, WorkspaceIntegration } from '../prisma-types.js';
import {
  type RepositoryDelivery,
  type WebhookStats,
  WebhookStatsRepository,
} from '../webhook-inbox/webhook-stats.repository.js';

/** What the console's overview shows of the database: the integration, recent jobs, webhook figures. */
export interface SyncOverviewReads {
  integration: WorkspaceIntegration;
  /** Newest first. */
  recent: GitHubSyncJob[];
  /** Oldest first (they name the jobs' repositories). */
  repositories: RepositorySyncWithRepo[];
  /** Deliveries since the `since` asked for, and the newest one. */
  webhooks: WebhookStats;
  /** Each connected repository's newest delivery. */
  deliveries: RepositoryDelivery[];
}

/** The rows of the console overview (`GET …/overview`), read together once the integration is known. */
@Injectable()
export class SyncOverviewReadModel {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly jobs: SyncJobRepository,
    private readonly webhookStats: WebhookStatsRepository,
  ) {}

  /** The workspace's GitHub integration and its figures; null when GitHub is not connected. */
  async overview(workspaceId: string, recentJobs: number, since: Date): Promise<SyncOverviewReads | null> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    if (!integration) return null;
    const [recent, repositories, webhooks, deliveries] = await Promise.all([
      this.jobs.listRecent(integration.id, recentJobs),
      this.integrations.listRepositorySyncs(integration.id),
      this.webhookStats.stats(
        { integrationId: integration.id, installationId: integration.installationId },
        since,
      ),
      this.webhookStats.lastDeliveryPerRepository(integration.id),
    ]);
    return { integration, recent, repositories, webhooks, deliveries };
  }
}
