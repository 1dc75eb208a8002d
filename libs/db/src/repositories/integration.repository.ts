import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type {
  GitHubRepository,
  GitHubRepositorySync,
  IntegrationAuthKind,
  Project,
  SyncDirection,
  WorkspaceIntegration,
} from '../prisma-types.js';

export const GITHUB_MCP_PROVIDER = 'github_mcp';

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

  /** Creates or replaces the workspace's GitHub connection; the token arrives already encrypted. */
  saveConnection(input: {
    workspaceId: string;
    authKind: IntegrationAuthKind;
    accessTokenEncrypted: string;
    githubLogin?: string | undefined;
    githubUserId?: bigint | undefined;
    scopes?: string[];
    connectedById?: string | undefined;
  }): Promise<WorkspaceIntegration> {
    const data = {
      authKind: input.authKind,
      accessTokenEncrypted: input.accessTokenEncrypted,
      githubLogin: input.githubLogin ?? null,
      githubUserId: input.githubUserId ?? null,
      scopes: input.scopes ?? [],
      connectedById: input.connectedById ?? null,
      status: 'connected' as const,
      statusMessage: null,
    };
    return this.prisma.workspaceIntegration.upsert({
      where: { workspaceId_provider: { workspaceId: input.workspaceId, provider: GITHUB_MCP_PROVIDER } },
      create: { workspaceId: input.workspaceId, provider: GITHUB_MCP_PROVIDER, ...data },
      update: data,
    });
  }

  /** Records the repository identity and maps it to a project (idempotent per GitHub repo id). */
  async connectRepository(input: {
    integration: WorkspaceIntegration;
    repository: RepositoryIdentity;
    projectId: string;
    direction: SyncDirection;
    syncIntervalSeconds: number;
  }): Promise<RepositorySyncWithRepo> {
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
      return tx.gitHubRepositorySync.upsert({
        where: { repositoryId: repo.id },
        create: {
          workspaceId: integration.workspaceId,
          workspaceIntegrationId: integration.id,
          repositoryId: repo.id,
          projectId: input.projectId,
          direction: input.direction,
          syncIntervalSeconds: input.syncIntervalSeconds,
        },
        update: { projectId: input.projectId, direction: input.direction, enabled: true },
        include: { repository: true, project: true },
      });
    });
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

  recordSyncFinished(repositorySyncId: string, cursor: Date | null, at: Date): Promise<unknown> {
    return this.prisma.gitHubRepositorySync.update({
      where: { id: repositorySyncId },
      data: { lastCursor: cursor, lastSyncedAt: at },
    });
  }
}
