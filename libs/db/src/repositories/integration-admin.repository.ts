import { Injectable } from '@nestjs/common';
import { ConflictError } from '#libs/common';
import { isUniqueViolation } from '../db-errors.js';
import { PrismaService } from '../prisma.service.js';
import type { IntegrationAuthKind, Prisma, WorkspaceIntegration } from '../prisma-types.js';
import {
  GITHUB_MCP_PROVIDER,
  type RepositoryIdentity,
  type RepositorySyncWithRepo,
} from './integration.repository.js';
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

/** Credentials and lifecycle of a workspace's GitHub connection (connect, link, disconnect, settings). */
@Injectable()
export class IntegrationAdminRepository {
  constructor(private readonly prisma: PrismaService) {}

  private upsert(
    workspaceId: string,
    data: Prisma.WorkspaceIntegrationUncheckedUpdateInput & { authKind: IntegrationAuthKind },
  ) {
    return this.prisma.workspaceIntegration.upsert({
      where: { workspaceId_provider: { workspaceId, provider: GITHUB_MCP_PROVIDER } },
      create: {
        ...(data as Prisma.WorkspaceIntegrationUncheckedCreateInput),
        workspaceId,
        provider: GITHUB_MCP_PROVIDER,
      },
      update: data,
    });
  }

  /** OAuth or personal access token connection; the token arrives encrypted. Unlinks any installation. */
  saveTokenCredentials(input: {
    workspaceId: string;
    authKind: 'oauth' | 'token';
    accessTokenEncrypted: string;
    githubLogin: string;
    githubUserId: bigint;
    scopes: string[];
    connectedById?: string | null | undefined;
  }): Promise<WorkspaceIntegration> {
    return this.upsert(input.workspaceId, {
      authKind: input.authKind,
      accessTokenEncrypted: input.accessTokenEncrypted,
      tokenExpiresAt: null,
      githubLogin: input.githubLogin,
      githubUserId: input.githubUserId,
      scopes: input.scopes,
      installationId: null,
      connectedById: input.connectedById ?? null,
      status: 'connected',
      statusMessage: null,
    });
  }

  /**
   * GitHub App connection: installation tokens are minted on demand; the current one is kept encrypted.
   * An installation another workspace holds is a ConflictError (unique index: concurrent links, one wins).
   */
  async linkInstallation(input: {
    workspaceId: string;
    installationId: bigint;
    accountLogin: string | null;
    /** A current installation token (encrypted), shared with other processes until it expires. */
    accessTokenEncrypted: string;
    tokenExpiresAt: Date;
    connectedById?: string | null | undefined;
  }): Promise<WorkspaceIntegration> {
    try {
      return await this.upsert(input.workspaceId, {
        authKind: 'app',
        accessTokenEncrypted: input.accessTokenEncrypted,
        tokenExpiresAt: input.tokenExpiresAt,
        githubLogin: input.accountLogin,
        githubUserId: null,
        scopes: [],
        installationId: input.installationId,
        connectedById: input.connectedById ?? null,
        status: 'connected',
        statusMessage: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`installation ${input.installationId} is linked to another workspace`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Keeps the newest installation token (encrypted) on every app integration linked to the installation. */
  async storeInstallationToken(
    installationId: bigint,
    accessTokenEncrypted: string,
    expiresAt: Date,
  ): Promise<void> {
    await this.prisma.workspaceIntegration.updateMany({
      where: { installationId, authKind: 'app', status: 'connected' },
      data: { accessTokenEncrypted, tokenExpiresAt: expiresAt },
    });
  }

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
