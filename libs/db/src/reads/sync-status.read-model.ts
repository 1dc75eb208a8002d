import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { GitHubSyncJob } from '../prisma-types.js';
import type { IntegrationSummary, RepositorySyncSummary } from './read-rows.js';

/** What the sync status view shows: the integration, its repositories, its recent and active jobs. */
export interface SyncStatusReads {
  integration: IntegrationSummary;
  /** Oldest first. */
  repositories: RepositorySyncSummary[];
  /** Newest first. */
  recent: GitHubSyncJob[];
  /** Queued and running jobs, oldest first. */
  active: GitHubSyncJob[];
}

/** The rows of the sync status view (`GET …/status` and its live stream), on the pool's prepared statements. */
@Injectable()
export class SyncStatusReadModel {
  constructor(private readonly prisma: PrismaService) {}

  /** The workspace's GitHub integration with its repositories and jobs; null when it is not connected. */
  async status(workspaceId: string, recentJobs: number): Promise<SyncStatusReads | null> {
    const integration = await this.prisma.reads.integration(workspaceId);
    if (!integration) return null;
    const [repositories, recent, active] = await Promise.all([
      this.prisma.reads.repositorySyncs(integration.id),
      this.prisma.reads.recentJobs(integration.id, recentJobs),
      this.prisma.reads.activeJobs(integration.id),
    ]);
    return { integration, repositories, recent, active };
  }
}
