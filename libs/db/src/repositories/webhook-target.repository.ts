import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type {
  GitHubRepository,
  GitHubRepositorySync,
  IntegrationStatus,
  Project,
  WorkspaceIntegration,
} from '../prisma-types.js';
import type { RepositoryIdentity } from './integration.repository.js';

/** A connected copy of a GitHub repository (one per integration that connected it). */
export type WebhookRepositoryTarget = GitHubRepository & {
  sync: (GitHubRepositorySync & { project: Project }) | null;
  integration: { id: string; workspaceId: string; status: IntegrationStatus };
};

/** Where a webhook applies: repositories by GitHub id (stable across renames and transfers). */
@Injectable()
export class WebhookTargetRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every connected copy of the repository; only the given integration's when the event is scoped to it. */
  findRepositoryTargets(githubId: bigint, integrationId: string | null): Promise<WebhookRepositoryTarget[]> {
    return this.prisma.gitHubRepository.findMany({
      where: { githubId, ...(integrationId ? { workspaceIntegrationId: integrationId } : {}) },
      include: {
        sync: { include: { project: true } },
        integration: { select: { id: true, workspaceId: true, status: true } },
      },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Refreshes owner/name/visibility of the repository's rows (renamed, transferred, edited, …). */
  async updateIdentity(ids: string[], identity: Omit<RepositoryIdentity, 'githubId'>): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await this.prisma.gitHubRepository.updateMany({
      where: { id: { in: ids } },
      data: {
        owner: identity.owner,
        name: identity.name,
        private: identity.private,
        ...(identity.nodeId !== undefined ? { nodeId: identity.nodeId } : {}),
        ...(identity.defaultBranch !== undefined ? { defaultBranch: identity.defaultBranch } : {}),
        ...(identity.htmlUrl !== undefined ? { htmlUrl: identity.htmlUrl } : {}),
      },
    });
    return count;
  }

  /** Stops periodic syncs of repositories that no longer exist on GitHub (links and issues are kept). */
  async disableSyncs(repositoryIds: string[]): Promise<number> {
    if (repositoryIds.length === 0) return 0;
    const { count } = await this.prisma.gitHubRepositorySync.updateMany({
      where: { repositoryId: { in: repositoryIds }, enabled: true },
      data: { enabled: false },
    });
    return count;
  }

  /** Integrations that hold their own webhook secret, for a delivery about this repository or installation. */
  findIntegrationsWithSecret(input: {
    repositoryGithubId: bigint | null;
    installationId: bigint | null;
  }): Promise<Pick<WorkspaceIntegration, 'id' | 'webhookSecretEncrypted'>[]> {
    const or = [
      ...(input.installationId !== null ? [{ installationId: input.installationId }] : []),
      ...(input.repositoryGithubId !== null
        ? [{ repositories: { some: { githubId: input.repositoryGithubId } } }]
        : []),
    ];
    if (or.length === 0) return Promise.resolve([]);
    return this.prisma.workspaceIntegration.findMany({
      where: { webhookSecretEncrypted: { not: null }, OR: or },
      select: { id: true, webhookSecretEncrypted: true },
      take: 20,
    });
  }

  findIntegrationsByInstallation(installationId: bigint): Promise<{ id: string }[]> {
    return this.prisma.workspaceIntegration.findMany({
      where: { installationId },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
  }
}
