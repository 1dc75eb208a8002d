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

/** What the console's overview shows of the database beside the integration: recent jobs, webhook figures. */
export interface SyncOverviewFigures {
  /** Newest first. */
  recent: GitHubSyncJob[];
  /** Oldest first (they name the jobs' repositories). */
  repositories: RepositorySyncWithRepo[];
  /** Deliveries since the `since` asked for, and the newest one. */
  webhooks: WebhookStats;
  /** Each connected repository's newest delivery. */
  deliveries: RepositoryDelivery[];
}

/**
 * The rows of the console overview (`GET …/overview`): the integration, then its figures read together. Two
 * steps, so that a caller can run its own reads of the integration (the write budget in Redis) beside the figures.
 */
@Injectable()
export class SyncOverviewReadModel {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly jobs: SyncJobRepository,
    private readonly webhookStats: WebhookStatsRepository,
  ) {}

  /** The workspace's GitHub integration; null when GitHub is not connected. */
  integration(workspaceId: string): Promise<WorkspaceIntegration | null> {
    return this.integrations.findForWorkspace(workspaceId);
  }

  /** The integration's recent jobs, repositories and webhook figures since `since`. */
  async figures(
    integration: WorkspaceIntegration,
    recentJobs: number,
    since: Date,
  ): Promise<SyncOverviewFigures> {
    const [recent, repositories, webhooks, deliveries] = await Promise.all([
      this.jobs.listRecent(integration.id, recentJobs),
      this.integrations.listRepositorySyncs(integration.id),
      this.webhookStats.stats(
        { integrationId: integration.id, installationId: integration.installationId },
        since,
      ),
      this.webhookStats.lastDeliveryPerRepository(integration.id),
    ]);
    return { recent, repositories, webhooks, deliveries };
  }
}
