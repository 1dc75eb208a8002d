import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { IntegrationStatus, WorkspaceIntegration } from '../prisma-types.js';
import type { RepositoryIdentity } from '../integrations/integration.repository.js';
import type { SyncDirection } from '#libs/issues';

/**
 * Which integrations a delivery may reach: `integrationId` (verified with its own secret, or replayed by
 * it) and/or `installationId` (a GitHub App delivery reaches the integration holding the installation).
 */
export interface TargetScope {
  integrationId: string | null;
  installationId: bigint | null;
}

/** A connected copy of a GitHub repository (one per integration that connected it). */
export interface WebhookRepositoryTarget {
  id: string;
  owner: string;
  name: string;
  private: boolean;
  integration: { id: string; workspaceId: string; status: IntegrationStatus; installationId: bigint | null };
  sync: {
    id: string;
    workspaceId: string;
    projectId: string;
    direction: SyncDirection;
    enabled: boolean;
    stateMapping: unknown;
    includeComments: boolean;
    includePullRequests: boolean;
  } | null;
}

interface TargetRow {
  id: string;
  owner: string;
  name: string;
  private: boolean;
  integration_id: string;
  integration_workspace_id: string;
  integration_status: IntegrationStatus;
  integration_installation_id: string | null;
  sync_id: string | null;
  sync_workspace_id: string | null;
  project_id: string | null;
  direction: SyncDirection | null;
  enabled: boolean | null;
  state_mapping: unknown;
  include_comments: boolean | null;
  include_pull_requests: boolean | null;
}

/** Where a webhook applies: repositories by GitHub id (stable across renames and transfers). */
@Injectable()
export class WebhookTargetRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Every connected copy of the repository within the scope (an App delivery: its installation's only). */
  async findRepositoryTargets(githubId: bigint, scope: TargetScope): Promise<WebhookRepositoryTarget[]> {
    const integrationId = scope.integrationId;
    const installationId = scope.installationId?.toString() ?? null;
    const rows = await this.prisma.$queryRaw<TargetRow[]>`
      SELECT r.id::text AS id, r.owner, r.name, r.private, i.id::text AS integration_id,
             i.workspace_id::text AS integration_workspace_id, i.status::text AS integration_status,
             i.installation_id::text AS integration_installation_id,
             rs.id::text AS sync_id, rs.workspace_id::text AS sync_workspace_id, rs.project_id::text AS project_id,
             rs.direction::text AS direction, rs.enabled, rs.state_mapping, rs.include_comments,
             rs.include_pull_requests
      FROM github_repositories r
      JOIN workspace_integrations i ON i.id = r.workspace_integration_id
      LEFT JOIN github_repository_syncs rs ON rs.repository_id = r.id
      WHERE r.github_id = ${githubId.toString()}::bigint
        AND (${integrationId}::uuid IS NULL OR r.workspace_integration_id = ${integrationId}::uuid)
        AND (${installationId}::bigint IS NULL OR i.installation_id = ${installationId}::bigint)
      ORDER BY r.created_at`;
    return rows.map((row) => ({
      id: row.id,
      owner: row.owner,
      name: row.name,
      private: row.private,
      integration: {
        id: row.integration_id,
        workspaceId: row.integration_workspace_id,
        status: row.integration_status,
        installationId:
          row.integration_installation_id === null ? null : BigInt(row.integration_installation_id),
      },
      sync:
        row.sync_id && row.sync_workspace_id && row.project_id && row.direction
          ? {
              id: row.sync_id,
              workspaceId: row.sync_workspace_id,
              projectId: row.project_id,
              direction: row.direction,
              enabled: row.enabled ?? false,
              stateMapping: row.state_mapping,
              includeComments: row.include_comments ?? true,
              includePullRequests: row.include_pull_requests ?? true,
            }
          : null,
    }));
  }

  /**
   * Refreshes owner/name/visibility of the repository's rows (renamed, transferred, edited, …) that no
   * newer event has rewritten (`eventAt` at least their `identity_event_at`).
   */
  async updateIdentity(
    ids: string[],
    identity: Omit<RepositoryIdentity, 'githubId'>,
    eventAt: Date,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const { count } = await this.prisma.gitHubRepository.updateMany({
      where: {
        id: { in: ids },
        OR: [{ identityEventAt: null }, { identityEventAt: { lte: eventAt } }],
      },
      data: {
        identityEventAt: eventAt,
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

  /**
   * Stops the syncs of repositories that no longer exist on GitHub, or that their integration can no
   * longer reach, with the reason (links and issues are kept; re-enabling clears the reason).
   */
  async disableSyncs(repositoryIds: string[], reason: string): Promise<number> {
    if (repositoryIds.length === 0) return 0;
    const { count } = await this.prisma.gitHubRepositorySync.updateMany({
      where: { repositoryId: { in: repositoryIds }, enabled: true },
      data: { enabled: false, disabledReason: reason.slice(0, 500) },
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
