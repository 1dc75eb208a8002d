import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, ValidationError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import {
  IntegrationAdminRepository,
  IntegrationRepository,
  type RepositorySyncSettings,
  type RepositorySyncWithRepo,
  type WorkspaceIntegration,
  WorkspaceRepository,
} from '#libs/db';
import { GitHubMcpClientFactory, GitHubMcpError, McpUnauthorizedError } from '#libs/github-mcp';
import { IntegrationTokenProvider } from './tokens/integration-token.provider.js';

const REPO_NAME = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/;

export function splitRepositoryName(fullName: string): [string, string] {
  const match = REPO_NAME.exec(fullName);
  if (!match) throw new ValidationError('repository must look like "owner/name"', 'repository');
  return [match[1] as string, match[2] as string];
}

/** Mapping repositories to projects and their sync settings. Starting syncs is the caller's (libs/sync). */
@Injectable()
export class RepositorySettingsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly integrations: IntegrationRepository,
    private readonly admin: IntegrationAdminRepository,
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: IntegrationTokenProvider,
    private readonly mcp: GitHubMcpClientFactory,
  ) {}

  /** The workspace's connected integration; 404 when there is none, 400 when it is disconnected. */
  async connectedIntegration(workspaceId: string): Promise<WorkspaceIntegration> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    if (!integration) throw new NotFoundError('GitHub is not connected for this workspace');
    if (integration.status !== 'connected') {
      throw new ValidationError('the GitHub integration is disconnected; connect it again first');
    }
    return integration;
  }

  /**
   * Maps a repository the connected identity can see (checked with MCP `search_repositories`) to a
   * project. Connecting an already mapped repository updates its settings and enables it again.
   */
  async connect(input: {
    workspaceId: string;
    repository: string;
    projectId: string;
    settings: RepositorySyncSettings;
  }): Promise<{ sync: RepositorySyncWithRepo; created: boolean }> {
    const [owner, name] = splitRepositoryName(input.repository);
    const integration = await this.connectedIntegration(input.workspaceId);
    const project = await this.workspaces.findProject(input.workspaceId, input.projectId);
    if (!project) throw new ValidationError(`project ${input.projectId} does not exist`, 'project_id');
    const client = this.mcp.forToken(await this.tokens.tokenFor(integration));
    let found;
    try {
      found = await client.searchRepositories({ query: `repo:${owner}/${name}`, page: 1, perPage: 5 });
    } catch (error) {
      if (error instanceof McpUnauthorizedError) {
        throw new ValidationError(
          'GitHub rejected the stored credentials; connect GitHub again',
          'repository',
          {
            cause: error,
          },
        );
      }
      // GitHub refuses to search a repository the identity cannot see: the same answer as not found.
      if (!(error instanceof GitHubMcpError && ['invalid_request', 'not_found'].includes(error.kind)))
        throw error;
      found = { items: [] };
    }
    const wanted = `${owner}/${name}`.toLowerCase();
    const repo = found.items.find((r) => r.full_name.toLowerCase() === wanted);
    if (!repo) {
      throw new ValidationError(
        `repository ${input.repository} is not visible to this GitHub identity`,
        'repository',
      );
    }
    const [repoOwner, repoName] = repo.full_name.split('/') as [string, string];
    return this.admin.connectRepository({
      integration,
      repository: {
        githubId: BigInt(repo.id),
        owner: repoOwner,
        name: repoName,
        private: repo.private,
        defaultBranch: repo.default_branch,
        htmlUrl: repo.html_url,
      },
      projectId: project.id,
      settings: {
        direction: 'from_github',
        syncIntervalSeconds: this.config.sync.defaultIntervalSeconds,
        ...withoutUndefined(input.settings),
      },
    });
  }

  /** Changes the settings of a connected repository (also allowed while the integration is disconnected). */
  async configure(input: {
    workspaceId: string;
    repository: string;
    projectId?: string | undefined;
    settings: RepositorySyncSettings;
  }): Promise<RepositorySyncWithRepo> {
    const [owner, name] = splitRepositoryName(input.repository);
    const integration = await this.integrations.findForWorkspace(input.workspaceId);
    const sync = integration ? await this.admin.findRepositorySyncByName(integration.id, owner, name) : null;
    if (!sync) throw new ValidationError(`repository ${input.repository} is not connected`, 'repository');
    if (input.projectId !== undefined) {
      const project = await this.workspaces.findProject(input.workspaceId, input.projectId);
      if (!project) throw new ValidationError(`project ${input.projectId} does not exist`, 'project_id');
    }
    if (input.settings.enabled === true && integration?.status !== 'connected') {
      throw new ValidationError('the GitHub integration is disconnected; connect it again first', 'enabled');
    }
    return this.admin.updateRepositorySync(sync.id, { ...input.settings, projectId: input.projectId });
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
