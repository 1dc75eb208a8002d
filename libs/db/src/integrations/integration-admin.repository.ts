import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma, WorkspaceIntegration } from '../prisma-types.js';
import { type RepositoryIdentity, type RepositorySyncWithRepo } from './integration.repository.js';
import type { SyncDirection } from '#libs/issues';

/** Sync settings of one repository ↔ project mapping (absent fields stay as they are). */
export interface RepositorySyncSettings {
  direction?: SyncDirection | undefined;
  enabled?: boolean | undefined;
  syncIntervalSeconds?: number | undefined;
  includeComments?: boolean | undefined;
  includePullRequests?: boolean | undefined;
  labelFilter?: string[] | undefined;
  stateMapping?: Record<string, string> | undefined;
  projectId?: string | undefined;
}

export function settingsData(settings: RepositorySyncSettings) {
  const data: Prisma.GitHubRepositorySyncUncheckedUpdateInput = {};
  if (settings.direction !== undefined) data.direction = settings.direction;
  if (settings.enabled !== undefined) data.enabled = settings.enabled;
  if (settings.enabled === true) data.disabledReason = null;
  if (settings.syncIntervalSeconds !== undefined) data.syncIntervalSeconds = settings.syncIntervalSeconds;
  if (settings.includeComments !== undefined) data.includeComments = settings.includeComments;
  if (settings.includePullRequests !== undefined) data.includePullRequests = settings.includePullRequests;
  if (settings.labelFilter !== undefined) data.labelFilter = settings.labelFilter;
  if (settings.stateMapping !== undefined) data.stateMapping = settings.stateMapping;
  if (settings.projectId !== undefined) data.projectId = settings.projectId;
  return data;
}

/**
 * Lifecycle of a workspace's GitHub connection: disconnect, repository mappings and their settings
 * (credentials are written by IntegrationCredentialRepository).
 */
@Injectable()
export class IntegrationAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Integrations linked to the installation. */
  findByInstallation(installationId: bigint): Promise<WorkspaceIntegration[]> {
    return this.prisma.workspaceIntegration.findMany({ where: { installationId } });
  }

  /**
   * Stops every schedule of the integration, deletes its stored token and installation link and marks it
   * disconnected. Repositories, mappings, issues and job history stay.
   */
  async disconnect(
    integrationId: string,
    message: string,
  ): Promise<{ integration: WorkspaceIntegration; disabled: number }> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.gitHubRepositorySync.updateMany({
        where: { workspaceIntegrationId: integrationId, enabled: true },
        data: { enabled: false },
      });
      const integration = await tx.workspaceIntegration.update({
        where: { id: integrationId },
        data: {
          accessTokenEncrypted: null,
          tokenExpiresAt: null,
          installationId: null,
          status: 'disconnected',
          statusMessage: message,
        },
      });
      return { integration, disabled: count };
    });
  }

  /**
   * Records the repository identity and maps it to a project with the given settings (idempotent per
   * GitHub repository id; an existing mapping takes the new settings and is enabled again).
   */
  async connectRepository(input: {
    integration: WorkspaceIntegration;
    repository: RepositoryIdentity;
    projectId: string;
    settings: RepositorySyncSettings;
  }): Promise<{ sync: RepositorySyncWithRepo; created: boolean }> {
    const { integration, repository } = input;
    const identity = {
      nodeId: repository.nodeId ?? null,
      owner: repository.owner,
      name: repository.name,
      private: repository.private,
      defaultBranch: repository.defaultBranch ?? null,
      htmlUrl: repository.htmlUrl ?? null,
    };
    return this.prisma.$transaction(async (tx) => {
      const repo = await tx.gitHubRepository.upsert({
        where: {
          workspaceIntegrationId_githubId: {
            workspaceIntegrationId: integration.id,
            githubId: repository.githubId,
          },
        },
        create: { workspaceIntegrationId: integration.id, githubId: repository.githubId, ...identity },
        update: identity,
      });
      const existing = await tx.gitHubRepositorySync.findUnique({ where: { repositoryId: repo.id } });
      const data = settingsData({ enabled: true, ...input.settings, projectId: input.projectId });
      const sync = existing
        ? await tx.gitHubRepositorySync.update({
            where: { id: existing.id },
            data,
            include: { repository: true, project: true },
          })
        : await tx.gitHubRepositorySync.create({
            data: {
              ...(data as Prisma.GitHubRepositorySyncUncheckedCreateInput),
              workspaceId: integration.workspaceId,
              workspaceIntegrationId: integration.id,
              repositoryId: repo.id,
              projectId: input.projectId,
            },
            include: { repository: true, project: true },
          });
      return { sync, created: !existing };
    });
  }

  updateRepositorySync(id: string, settings: RepositorySyncSettings): Promise<RepositorySyncWithRepo> {
    return this.prisma.gitHubRepositorySync.update({
      where: { id },
      data: settingsData(settings),
      include: { repository: true, project: true },
    });
  }

  findRepositorySyncByName(
    integrationId: string,
    owner: string,
    name: string,
  ): Promise<RepositorySyncWithRepo | null> {
    return this.prisma.gitHubRepositorySync.findFirst({
      where: {
        workspaceIntegrationId: integrationId,
        repository: {
          owner: { equals: owner, mode: 'insensitive' },
          name: { equals: name, mode: 'insensitive' },
        },
      },
      include: { repository: true, project: true },
    });
  }

  /** GitHub repository id → repository sync of the integration's mapped repositories. */
  async mappedRepositories(integrationId: string): Promise<Map<bigint, { id: string; enabled: boolean }>> {
    const rows = await this.prisma.gitHubRepositorySync.findMany({
      where: { workspaceIntegrationId: integrationId },
      select: { id: true, enabled: true, repository: { select: { githubId: true } } },
    });
    return new Map(rows.map((r) => [r.repository.githubId, { id: r.id, enabled: r.enabled }]));
  }
}
