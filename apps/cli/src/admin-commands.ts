import { Injectable } from '@nestjs/common';
import { generateApiToken } from '#libs/auth';
import { NotFoundError } from '#libs/common';
import { type MemberRole, type SyncDirection, WorkspaceRepository } from '#libs/db';
import { GitHubConnectionService } from '#libs/integrations';

/** Administrative operations behind `npm run cli -- …` (and the demo's seed). */
@Injectable()
export class AdminCommands {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly connections: GitHubConnectionService,
  ) {}

  async createWorkspace(slug: string, name: string) {
    const existing = await this.workspaces.findBySlug(slug);
    const workspace = existing ?? (await this.workspaces.create(slug, name));
    return { id: workspace.id, slug: workspace.slug, created: !existing };
  }

  async addUser(input: { workspace: string; email: string; name: string; role: MemberRole }) {
    const workspace = await this.workspace(input.workspace);
    const user = await this.workspaces.upsertUser(input.email, input.name);
    await this.workspaces.addMember(workspace.id, user.id, input.role);
    return { user_id: user.id, email: user.email, role: input.role };
  }

  /** The plaintext token is returned once and never stored. */
  async createToken(input: { workspace: string; email: string; name: string }) {
    const workspace = await this.workspace(input.workspace);
    const user = await this.workspaces.upsertUser(input.email, input.email);
    const { token, hash, prefix } = generateApiToken();
    await this.workspaces.createApiToken({
      workspaceId: workspace.id,
      userId: user.id,
      name: input.name,
      tokenHash: hash,
      prefix,
    });
    return { token, prefix };
  }

  async createProject(input: { workspace: string; name: string; identifier: string }) {
    const workspace = await this.workspace(input.workspace);
    const project = await this.workspaces.createProject(workspace.id, input.name, input.identifier);
    return { project_id: project.id, name: project.name, identifier: project.identifier };
  }

  async connectToken(input: { workspace: string; token: string }) {
    const workspace = await this.workspace(input.workspace);
    const integration = await this.connections.connectToken({
      workspaceId: workspace.id,
      token: input.token,
    });
    return { integration_id: integration.id, github_login: integration.githubLogin };
  }

  async connectRepository(input: {
    workspace: string;
    repository: string;
    projectId: string;
    direction?: SyncDirection;
  }) {
    const workspace = await this.workspace(input.workspace);
    const sync = await this.connections.connectRepository({
      workspaceId: workspace.id,
      fullName: input.repository,
      projectId: input.projectId,
      ...(input.direction ? { direction: input.direction } : {}),
    });
    return { repository_sync_id: sync.id, repository: `${sync.repository.owner}/${sync.repository.name}` };
  }

  private async workspace(slug: string) {
    const workspace = await this.workspaces.findBySlug(slug);
    if (!workspace) throw new NotFoundError(`workspace ${slug} does not exist`);
    return workspace;
  }
}
