import { Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '#libs/common';
import {
  type IntegrationAuthKind,
  IntegrationRepository,
  type RepositorySyncWithRepo,
  type SyncDirection,
  type WorkspaceIntegration,
  WorkspaceRepository,
} from '#libs/db';
import { GitHubMcpClientFactory, McpUnauthorizedError } from '#libs/github-mcp';
import { SecretCipher } from '#libs/secrets';

const REPO_NAME = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/;

/**
 * Connecting GitHub to a workspace: checks a token through MCP `get_me`, stores it encrypted, and
 * maps repositories (looked up with `search_repositories`) to projects.
 */
@Injectable()
export class GitHubConnectionService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly mcp: GitHubMcpClientFactory,
    private readonly cipher: SecretCipher,
  ) {}

  async connectToken(input: {
    workspaceId: string;
    token: string;
    authKind?: IntegrationAuthKind;
    scopes?: string[];
    connectedById?: string;
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
    return this.integrations.saveConnection({
      workspaceId: input.workspaceId,
      authKind: input.authKind ?? 'token',
      accessTokenEncrypted: this.cipher.encrypt(input.token),
      githubLogin: me.login,
      githubUserId: BigInt(me.id),
      scopes: input.scopes ?? [],
      connectedById: input.connectedById,
    });
  }

  async connectRepository(input: {
    workspaceId: string;
    fullName: string;
    projectId: string;
    direction?: SyncDirection;
    syncIntervalSeconds?: number;
  }): Promise<RepositorySyncWithRepo> {
    const match = REPO_NAME.exec(input.fullName);
    if (!match) throw new ValidationError('repository must look like "owner/name"', 'repository');
    const integration = await this.integrations.findForWorkspace(input.workspaceId);
    if (!integration?.accessTokenEncrypted)
      throw new NotFoundError('GitHub is not connected for this workspace');
    const project = await this.workspaces.findProject(input.workspaceId, input.projectId);
    if (!project) throw new ValidationError(`project ${input.projectId} does not exist`, 'project_id');
    const client = this.mcp.forToken(this.cipher.decrypt(integration.accessTokenEncrypted));
    const found = await client.searchRepositories({ query: `repo:${input.fullName}`, page: 1, perPage: 5 });
    const repo = found.items.find((r) => r.full_name.toLowerCase() === input.fullName.toLowerCase());
    if (!repo)
      throw new ValidationError(
        `repository ${input.fullName} is not visible to this GitHub identity`,
        'repository',
      );
    const [owner, name] = repo.full_name.split('/') as [string, string];
    return this.integrations.connectRepository({
      integration,
      repository: {
        githubId: BigInt(repo.id),
        owner,
        name,
        private: repo.private,
        defaultBranch: repo.default_branch,
        htmlUrl: repo.html_url,
      },
      projectId: project.id,
      direction: input.direction ?? 'from_github',
      syncIntervalSeconds: input.syncIntervalSeconds ?? 300,
    });
  }
}
