import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type {
  GitHubRepository,
  GitHubRepositorySync,
  Project,
  WorkspaceIntegration,
} from '../prisma-types.js';
import { GITHUB_MCP_PROVIDER } from '../reads/read-rows.js';

export { GITHUB_MCP_PROVIDER } from '../reads/read-rows.js';

export type RepositorySyncWithRepo = GitHubRepositorySync & {
  repository: GitHubRepository;
  project: Project;
};

export interface RepositoryIdentity {
  githubId: bigint;
  nodeId?: string | undefined;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch?: string | undefined;
  htmlUrl?: string | undefined;
}

@Injectable()
export class IntegrationRepository {
  constructor(private readonly prisma: PrismaService) {}

  findForWorkspace(workspaceId: string): Promise<WorkspaceIntegration | null> {
    return this.prisma.workspaceIntegration.findUnique({
      where: { workspaceId_provider: { workspaceId, provider: GITHUB_MCP_PROVIDER } },
    });
  }

  findById(id: string): Promise<WorkspaceIntegration | null> {
    return this.prisma.workspaceIntegration.findUnique({ where: { id } });
  }

  listRepositorySyncs(integrationId: string): Promise<RepositorySyncWithRepo[]> {
    return this.prisma.gitHubRepositorySync.findMany({
      where: { workspaceIntegrationId: integrationId },
      include: { repository: true, project: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  findRepositorySync(id: string): Promise<RepositorySyncWithRepo | null> {
    return this.prisma.gitHubRepositorySync.findUnique({
      where: { id },
      include: { repository: true, project: true },
    });
  }

  /**
   * GitHub refused the integration's token (401 on a sync): it stops syncing and receiving until an admin
   * connects again; the message says why (status, overview, console).
   */
  async markLostAccess(integrationId: string, message: string): Promise<void> {
    await this.prisma.workspaceIntegration.updateMany({
      where: { id: integrationId, status: 'connected' },
      data: { status: 'error', statusMessage: message.slice(0, 500) },
    });
  }

  /** The repository answered 404 to the integration's token: that sync stops, with the reason. */
  async disableRepositorySync(repositorySyncId: string, reason: string): Promise<void> {
    await this.prisma.gitHubRepositorySync.updateMany({
      where: { id: repositorySyncId, enabled: true },
      data: { enabled: false, disabledReason: reason.slice(0, 500) },
    });
  }

  recordSyncFinished(repositorySyncId: string, cursor: Date | null, at: Date): Promise<unknown> {
    return this.prisma.gitHubRepositorySync.update({
      where: { id: repositorySyncId },
      data: { lastCursor: cursor, lastSyncedAt: at },
    });
  }
}
