import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '#libs/common';
import { ApiTokenRepository, type ApiTokenWithUser, UserRepository, WorkspaceRepository } from '#libs/db';
import { generateApiToken } from './api-token.js';
import { type AuditActor, AuditTrail } from './audit-trail.js';
import { AuthEpoch } from './auth-epoch.js';
import { TokenPrincipals } from './token-principals.js';

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  user_email: string;
  role: string | null;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

function view(token: ApiTokenWithUser, role: string | null): ApiTokenView {
  return {
    id: token.id,
    name: token.name,
    prefix: token.tokenPrefix,
    user_email: token.user.email,
    role,
    created_at: token.createdAt.toISOString(),
    last_used_at: token.lastUsedAt?.toISOString() ?? null,
    expires_at: token.expiresAt?.toISOString() ?? null,
    revoked_at: token.revokedAt?.toISOString() ?? null,
  };
}

/** Creating, listing and revoking API tokens. The plaintext exists only in `create`'s answer. */
@Injectable()
export class ApiTokenService {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditTrail,
    private readonly principals: TokenPrincipals,
    private readonly epoch: AuthEpoch,
  ) {}

  /** A token for a member of the workspace (shown once: store it now). */
  async create(
    input: { workspace: string; email: string; name: string; expiresAt?: Date },
    actor: AuditActor,
  ) {
    const workspace = await this.workspace(input.workspace);
    const user = await this.users.findByEmail(input.email);
    const role = user ? await this.users.roleIn(workspace.id, user.id) : null;
    if (!user || !role) {
      throw new NotFoundError(
        `${input.email} is not a member of workspace ${input.workspace} (add-user first)`,
      );
    }
    const { token, hash, prefix } = generateApiToken();
    const created = await this.workspaces.createApiToken({
      workspaceId: workspace.id,
      userId: user.id,
      name: input.name,
      tokenHash: hash,
      prefix,
      expiresAt: input.expiresAt,
    });
    await this.audit.record(workspace.id, actor, {
      action: 'api_token.created',
      targetType: 'api_token',
      targetId: created.id,
      details: {
        name: input.name,
        prefix,
        user_email: input.email,
        role,
        ...(input.expiresAt ? { expires_at: input.expiresAt.toISOString() } : {}),
      },
    });
    return { token, id: created.id, prefix, role };
  }

  async list(workspaceSlug: string): Promise<ApiTokenView[]> {
    const workspace = await this.workspace(workspaceSlug);
    const tokens = await this.tokens.listForWorkspace(workspace.id);
    return Promise.all(tokens.map(async (t) => view(t, await this.users.roleIn(workspace.id, t.userId))));
  }

  /** Revokes one token named by id or prefix; an ambiguous prefix is refused. */
  async revoke(workspaceSlug: string, idOrPrefix: string, actor: AuditActor): Promise<ApiTokenView> {
    const workspace = await this.workspace(workspaceSlug);
    const matches = await this.tokens.find(workspace.id, idOrPrefix);
    if (matches.length === 0)
      throw new NotFoundError(`no API token ${idOrPrefix} in workspace ${workspaceSlug}`);
    if (matches.length > 1)
      throw new ConflictError(`${idOrPrefix} names ${matches.length} tokens; use the token id`);
    const [match] = matches as [ApiTokenWithUser];
    const wasRevoked = match.revokedAt !== null;
    const revoked = await this.tokens.revoke(match.id);
    this.principals.forgetToken(match.id);
    await this.epoch.bump();
    if (!wasRevoked) {
      await this.audit.record(workspace.id, actor, {
        action: 'api_token.revoked',
        targetType: 'api_token',
        targetId: match.id,
        details: { name: match.name, prefix: match.tokenPrefix, user_email: match.user.email },
      });
    }
    return view({ ...revoked, user: match.user }, await this.users.roleIn(workspace.id, match.userId));
  }

  private async workspace(slug: string) {
    const workspace = await this.workspaces.findBySlug(slug);
    if (!workspace) throw new NotFoundError(`workspace ${slug} does not exist`);
    return workspace;
  }
}
