import { Injectable } from '@nestjs/common';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '#libs/common';
import {
  InstallationRepository,
  IntegrationAdminRepository,
  IntegrationCredentialRepository,
  IntegrationRepository,
  type RepositorySyncWithRepo,
  type WorkspaceIntegration,
} from '#libs/db';
import { GitHubMcpClientFactory, McpUnauthorizedError } from '#libs/github-mcp';
import { SecretCipher, accessTokenBinding } from '#libs/secrets';
import { CredentialRetirement } from './credential-retirement.js';
import { InstallationAccessCheck } from './installation-access.js';
import { RepositorySettingsService } from './repository-settings.service.js';
import { IntegrationTokenProvider } from './tokens/integration-token.provider.js';
import type { SyncDirection } from '#libs/issues';

/**
 * A workspace's GitHub credentials: a personal access token (checked through MCP `get_me`), a GitHub
 * App installation, or (GitHubOAuthService) an OAuth token — stored encrypted, never returned — and
 * disconnecting. Audit records are the caller's (the API's audit interceptor, the CLI).
 */
@Injectable()
export class GitHubConnectionService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly admin: IntegrationAdminRepository,
    private readonly credentials: IntegrationCredentialRepository,
    private readonly installations: InstallationRepository,
    private readonly repositories: RepositorySettingsService,
    private readonly tokens: IntegrationTokenProvider,
    private readonly mcp: GitHubMcpClientFactory,
    private readonly cipher: SecretCipher,
    private readonly retirement: CredentialRetirement,
    private readonly access: InstallationAccessCheck,
  ) {}

  /** Connects a personal access token (replacing any earlier credentials of the workspace). */
  async connectToken(input: {
    workspaceId: string;
    token: string;
    scopes?: string[];
    connectedById?: string | null | undefined;
  }): Promise<WorkspaceIntegration> {
    let me;
    try {
      me = await this.mcp.forToken(input.token).getMe();
    } catch (error) {
      if (error instanceof McpUnauthorizedError) {
        throw new ValidationError('GitHub rejected the token (bad credentials)', 'token', { cause: error });
      }
      throw error;
    }
    const previous = await this.integrations.findForWorkspace(input.workspaceId);
    const integration = await this.credentials.saveTokenCredentials({
      workspaceId: input.workspaceId,
      authKind: 'token',
      sealAccessToken: (id) => this.cipher.encrypt(input.token, accessTokenBinding(id)),
      githubLogin: me.login,
      githubUserId: BigInt(me.id),
      scopes: input.scopes ?? [],
      connectedById: input.connectedById,
    });
    await this.retirement.retire(previous, integration);
    return integration;
  }

  /**
   * Links the workspace to a GitHub App installation. Refused when the installation is known to be
   * deleted or suspended, or is linked to another workspace (one installation, one workspace: a unique
   * index settles concurrent links), and — unless the operator links it (CLI) — when the admin's GitHub
   * user cannot see it: `GET /user/installations` with `userToken` or the workspace's stored OAuth token.
   */
  async connectInstallation(input: {
    workspaceId: string;
    installationId: bigint;
    accountLogin?: string | undefined;
    connectedById?: string | null | undefined;
    /** A GitHub user access token of the admin (else the workspace's OAuth token); `operator`: no check. */
    userToken?: string | 'operator' | undefined;
  }): Promise<WorkspaceIntegration> {
    if (!this.tokens.appConfigured) {
      throw new ValidationError('no GitHub App is configured (set GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY)');
    }
    const known = await this.installations.findByInstallationId(input.installationId);
    if (known?.deletedAt) {
      throw new ValidationError(`installation ${input.installationId} was uninstalled`, 'installation_id');
    }
    if (known?.suspendedAt) {
      throw new ValidationError(`installation ${input.installationId} is suspended`, 'installation_id');
    }
    const previous = await this.integrations.findForWorkspace(input.workspaceId);
    if (input.userToken !== 'operator')
      await this.checkUserSees(input.installationId, previous, input.userToken);
    const linked = await this.admin.findByInstallation(input.installationId);
    if (linked.some((i) => i.workspaceId !== input.workspaceId)) {
      throw new ConflictError(`installation ${input.installationId} is linked to another workspace`);
    }
    const minted = await this.tokens.installationToken(input.installationId);
    const integration = await this.credentials.linkInstallation({
      workspaceId: input.workspaceId,
      installationId: input.installationId,
      accountLogin: known?.accountLogin ?? input.accountLogin ?? null,
      sealAccessToken: (id) => this.cipher.encrypt(minted.token, accessTokenBinding(id)),
      tokenExpiresAt: minted.expiresAt,
      connectedById: input.connectedById,
    });
    await this.retirement.retire(previous, integration);
    return integration;
  }

  private async checkUserSees(
    installationId: bigint,
    current: WorkspaceIntegration | null,
    userToken: string | undefined,
  ): Promise<void> {
    const stored =
      current?.authKind === 'oauth' && current.status === 'connected' && current.accessTokenEncrypted
        ? this.cipher.decrypt(current.accessTokenEncrypted, accessTokenBinding(current.id))
        : undefined;
    const token = userToken ?? stored;
    if (!token) {
      throw new ValidationError(
        'a GitHub user token is required to prove the installation is yours: connect the workspace with ' +
          'OAuth first, or pass user_token',
        'user_token',
      );
    }
    if (!(await this.access.userSees(token, installationId))) {
      throw new ForbiddenError(
        `installation ${installationId} is not visible to the GitHub user of this token`,
      );
    }
  }

  /**
   * Disconnects the workspace: schedules stop (repository syncs disabled), stored tokens are deleted (an
   * OAuth token is also revoked at GitHub, best effort), the integration is marked disconnected.
   * Repositories, mappings, synced issues, job history and audit logs stay.
   */
  async disconnect(
    workspaceId: string,
  ): Promise<{ integration: WorkspaceIntegration; disabled: number; revoked: boolean }> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    if (!integration) throw new NotFoundError('GitHub is not connected for this workspace');
    const revoked = await this.retirement.retire(integration, null);
    const result = await this.admin.disconnect(integration.id, 'disconnected by a workspace admin');
    return { ...result, revoked };
  }

  /** Maps a repository to a project with default settings (CLI and demo shortcut of POST …/connect/). */
  async connectRepository(input: {
    workspaceId: string;
    fullName: string;
    projectId: string;
    direction?: SyncDirection;
    syncIntervalSeconds?: number;
  }): Promise<RepositorySyncWithRepo> {
    const { sync } = await this.repositories.connect({
      workspaceId: input.workspaceId,
      repository: input.fullName,
      projectId: input.projectId,
      settings: { direction: input.direction, syncIntervalSeconds: input.syncIntervalSeconds },
    });
    return sync;
  }
}
