import { Inject, Injectable } from '@nestjs/common';
import {
  ApiTokenService,
  type AuditActor,
  AuditTrail,
  AuthEpoch,
  CLI_ACTOR,
  ConsoleSessionService,
  SIGNIN_LINK_TOKEN_NAME,
} from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { NotFoundError } from '#libs/common';
import { type MemberRole, WorkspaceRepository } from '#libs/db';
import { GitHubConnectionService, SecretReencryption } from '#libs/integrations';
import type { SyncDirection } from '#libs/issues';

/** Administrative operations behind `npm run cli -- …` (and the demo's seed). */
@Injectable()
export class AdminCommands {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly connections: GitHubConnectionService,
    private readonly tokens: ApiTokenService,
    private readonly audit: AuditTrail,
    private readonly sessions: ConsoleSessionService,
    private readonly reencryption: SecretReencryption,
    private readonly authEpoch: AuthEpoch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    await this.authEpoch.bump(); // API processes re-read the member's tokens (a demotion counts at once)
    await this.audit.record(workspace.id, CLI_ACTOR, {
      action: 'member.set_role',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, role: input.role },
    });
    return { user_id: user.id, email: user.email, role: input.role };
  }

  /** A token for a workspace member; the plaintext is returned once and never stored. */
  async createToken(input: { workspace: string; email: string; name: string }) {
    const { token, id, prefix, role } = await this.tokens.create(input, CLI_ACTOR);
    return { token, id, prefix, role };
  }

  /**
   * A single-use console sign-in link (10 minutes) for a workspace member: opening it in a browser starts
   * a console session. Creates an API token named "console sign-in link" for the user (never shown).
   */
  async createSigninLink(input: { workspace: string; email: string }) {
    const { code, expiresAt } = await this.sessions.createSigninLink(input);
    const base = (this.config.api.publicBaseUrl ?? `http://127.0.0.1:${this.config.api.port}`).replace(
      /\/+$/,
      '',
    );
    const prefix = this.config.api.prefix ? `/${this.config.api.prefix}` : '';
    const url = `${base}${prefix}/console/session/link?code=${code}`;
    return { url, expires_at: expiresAt.toISOString(), token_name: SIGNIN_LINK_TOKEN_NAME };
  }

  listTokens(input: { workspace: string }) {
    return this.tokens.list(input.workspace);
  }

  /** Revokes a token by id or prefix; requests with it get 401 from then on. */
  revokeToken(input: { workspace: string; token: string }) {
    return this.tokens.revoke(input.workspace, input.token, CLI_ACTOR);
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
    await this.credentialsChanged(workspace.id, CLI_ACTOR, 'integration.token_connect', integration.id, {
      auth_kind: 'token',
      github_login: integration.githubLogin,
    });
    return { integration_id: integration.id, github_login: integration.githubLogin };
  }

  async connectInstallation(input: { workspace: string; installationId: bigint; accountLogin?: string }) {
    const workspace = await this.workspace(input.workspace);
    const integration = await this.connections.connectInstallation({
      workspaceId: workspace.id,
      installationId: input.installationId,
      accountLogin: input.accountLogin,
      // The operator vouches for the link (no GitHub user token on the command line).
      userToken: 'operator',
    });
    await this.credentialsChanged(workspace.id, CLI_ACTOR, 'integration.installation_link', integration.id, {
      auth_kind: 'app',
      installation_id: String(input.installationId),
      github_login: integration.githubLogin,
    });
    return {
      integration_id: integration.id,
      installation_id: String(input.installationId),
      github_login: integration.githubLogin,
    };
  }

  async disconnect(input: { workspace: string }) {
    const workspace = await this.workspace(input.workspace);
    const { integration, disabled, revoked } = await this.connections.disconnect(workspace.id);
    await this.credentialsChanged(workspace.id, CLI_ACTOR, 'integration.disconnect', integration.id, {
      auth_kind: integration.authKind,
      repositories_disabled: disabled,
      token_revoked: revoked,
    });
    return { integration_id: integration.id, status: integration.status, repositories_disabled: disabled };
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
    await this.audit.record(workspace.id, CLI_ACTOR, {
      action: 'repository.connect',
      integrationId: sync.workspaceIntegrationId,
      targetType: 'repository_sync',
      targetId: sync.id,
      details: { repository: input.repository, direction: sync.direction },
    });
    return { repository_sync_id: sync.id, repository: `${sync.repository.owner}/${sync.repository.name}` };
  }

  private credentialsChanged(
    workspaceId: string,
    actor: AuditActor,
    action: string,
    integrationId: string,
    details: Record<string, unknown>,
  ) {
    return this.audit.record(workspaceId, actor, {
      action,
      integrationId,
      targetType: 'integration',
      targetId: integrationId,
      details,
    });
  }

  /** Rewrites stored secrets not yet bound to their row or under an older key (key rotation). */
  reencryptSecrets() {
    return this.reencryption.run();
  }

  private async workspace(slug: string) {
    const workspace = await this.workspaces.findBySlug(slug);
    if (!workspace) throw new NotFoundError(`workspace ${slug} does not exist`);
    return workspace;
  }
}
