import { Injectable } from '@nestjs/common';
import { ValidationError } from '#libs/common';
import { IntegrationAdminRepository } from '#libs/db';
import {
  type GitHubMcpClient,
  GitHubMcpClientFactory,
  GitHubMcpError,
  McpUnauthorizedError,
} from '#libs/github-mcp';
import { RepositorySettingsService } from './repository-settings.service.js';
import { IntegrationTokenProvider } from './tokens/integration-token.provider.js';

export interface CatalogEntry {
  github_id: string;
  full_name: string;
  owner: string;
  name: string;
  private: boolean;
  archived: boolean;
  description: string | null;
  html_url: string;
  default_branch: string | null;
  open_issues_count: number;
  updated_at: string | null;
  /** Mapped to a project and enabled. */
  connected: boolean;
  repository_sync_id: string | null;
}

/**
 * Repositories the connected GitHub identity can reach, via MCP: `get_me` for the login when none is
 * recorded, then `search_repositories` with `user:<owner>` (the login, or another owner or organisation).
 */
@Injectable()
export class RepositoryCatalogService {
  constructor(
    private readonly settings: RepositorySettingsService,
    private readonly admin: IntegrationAdminRepository,
    private readonly tokens: IntegrationTokenProvider,
    private readonly mcp: GitHubMcpClientFactory,
  ) {}

  async list(input: {
    workspaceId: string;
    owner?: string | undefined;
    query?: string | undefined;
    page: number;
    perPage: number;
  }) {
    const integration = await this.settings.connectedIntegration(input.workspaceId);
    const client = this.mcp.forToken(await this.tokens.tokenFor(integration));
    try {
      const owner = input.owner ?? integration.githubLogin ?? (await this.tokenLogin(integration, client));
      const search = await client.searchRepositories({
        query: [`user:${owner}`, input.query].filter(Boolean).join(' '),
        page: input.page,
        perPage: input.perPage,
      });
      const mapped = await this.admin.mappedRepositories(integration.id);
      const results: CatalogEntry[] = search.items.map((r) => {
        const sync = mapped.get(BigInt(r.id));
        const [repoOwner = owner, name = r.name] = r.full_name.split('/');
        return {
          github_id: String(r.id),
          full_name: r.full_name,
          owner: repoOwner,
          name,
          private: r.private,
          archived: r.archived,
          description: r.description ?? null,
          html_url: r.html_url,
          default_branch: r.default_branch ?? null,
          open_issues_count: r.open_issues_count,
          updated_at: r.updated_at ?? null,
          connected: sync?.enabled ?? false,
          repository_sync_id: sync?.id ?? null,
        };
      });
      return { owner, results, total: search.total_count };
    } catch (error) {
      if (error instanceof McpUnauthorizedError) {
        throw new ValidationError('GitHub rejected the stored credentials; connect GitHub again', undefined, {
          cause: error,
        });
      }
      if (
        error instanceof GitHubMcpError &&
        (error.kind === 'invalid_request' || error.kind === 'not_found')
      ) {
        throw new ValidationError(
          `GitHub cannot list the repositories of ${input.owner ?? 'this identity'}`,
          'owner',
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  /**
   * The login of a user token (get_me). Installation tokens get 403 from get_me on GitHub,
   * so an installation whose account is unknown needs the owner named.
   */
  private async tokenLogin(integration: { installationId: bigint | null }, client: GitHubMcpClient) {
    if (integration.installationId !== null) {
      throw new ValidationError(
        "the installation's account is not known yet: name the owner (?owner=) whose repositories to list",
        'owner',
      );
    }
    return (await client.getMe()).login;
  }
}
