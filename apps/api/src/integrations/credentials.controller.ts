import { Body, Controller, Get, Inject, Put, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AdminOnly, AuditAction, NoAudit, Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { AuditLogRepository, type TokenPrincipal } from '#libs/db';
import { GitHubConnectionService, GitHubOAuthService } from '#libs/integrations';
import { Audit, AuditNotes } from '../auth/audit-note.js';
import { oauthCallbackUrl } from '../auth/oauth-callback.controller.js';
import { auditLogPageSchema } from '../docs/responses/audit.js';
import { integrationResponseSchema } from '../docs/responses/integration.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../docs/zod-openapi.js';
import { setOAuthCookie } from '../console/cookies.js';
import { parseInput } from '../http/zod-input.js';
import { presentIntegration } from './sync-job.presenter.js';
import { pageFields, presentPage } from '../http/pagination.js';
import { presentAuditLog } from './audit-log.presenter.js';
import { integrationAuditNote } from './integration-audit.js';

const tokenBody = z
  .object({
    token: z.string().regex(/^\S{20,255}$/, 'must be a GitHub token'),
    scopes: z
      .array(z.string().regex(/^[a-z:_]{1,50}$/))
      .max(30)
      .optional(),
  })
  .strict();
const installationBody = z
  .object({
    installation_id: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,18}$/)]),
    account_login: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,39}$/, 'must be a GitHub login')
      .optional(),
    /** A GitHub user access token of the admin, to check the installation is visible to them. */
    user_token: z
      .string()
      .regex(/^\S{20,255}$/, 'must be a GitHub token')
      .optional(),
  })
  .strict();
const auditQuery = z
  .object({
    action: z.string().max(200).optional(),
    ...pageFields(),
  })
  .strict();

/**
 * The workspace's GitHub credentials (admins): OAuth authorization URL, a personal access token, a GitHub
 * App installation — stored encrypted, never returned — and the audit log of admin actions.
 */
@Controller('workspaces/:slug/integrations/github-mcp')
export class CredentialsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: GitHubConnectionService,
    private readonly oauth: GitHubOAuthService,
    private readonly logs: AuditLogRepository,
  ) {}

  /**
   * The console navigates the admin's browser here (session cookie): 302 to GitHub's authorization page,
   * and the `ghsync_oauth` cookie binding the flow to this browser. The state is single use, 10 minutes.
   */
  @Get('oauth/authorize')
  @AdminOnly()
  @AuditAction('integration.oauth_authorize')
  @Redirect()
  @ApiTags('integrations')
  @ApiOperation({
    summary: "Start connecting GitHub with OAuth in the admin's browser",
    description:
      'Navigate the browser here (not fetch): 302 to GitHub with `Set-Cookie: ghsync_oauth=<nonce>; HttpOnly; SameSite=Lax; Path=<prefix>/api/auth/github/; Max-Age=600`. GitHub comes back to `auth/github/callback`, which only completes in this browser and then sends it to the console.',
  })
  @ApiResponse({
    status: 302,
    description: 'to the GitHub authorization page',
    headers: {
      Location: { schema: { type: 'string' } },
      'Set-Cookie': { schema: { type: 'string' }, description: 'ghsync_oauth=<nonce>; …' },
    },
  })
  async authorize(
    @Principal() principal: TokenPrincipal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { authorizationUrl, nonce } = await this.oauth.authorizationUrl({
      workspaceId: principal.workspaceId,
      userId: principal.userId,
      request: req,
      callbackUrl: oauthCallbackUrl(req, this.config),
    });
    setOAuthCookie(req, res, this.config, nonce);
    void res.header('Cache-Control', 'no-store');
    return { url: authorizationUrl, statusCode: 302 };
  }

  /** Connects a personal access token instead of OAuth (checked with MCP `get_me`). */
  @Put('credentials/token')
  @ApiZodBody(tokenBody)
  @AdminOnly()
  @AuditAction('integration.token_connect')
  @ApiZodResponse(200, integrationResponseSchema, 'connected with the token')
  async token(
    @Principal() principal: TokenPrincipal,
    @Body() body: unknown,
    @Audit() audit: AuditNotes,
  ): Promise<z.output<typeof integrationResponseSchema>> {
    const input = parseInput(tokenBody, body);
    const integration = await this.connections.connectToken({
      workspaceId: principal.workspaceId,
      token: input.token,
      scopes: input.scopes,
      connectedById: principal.userId,
    });
    audit.add(
      integrationAuditNote(integration, { auth_kind: 'token', github_login: integration.githubLogin }),
    );
    return { integration: presentIntegration(integration) };
  }

  /**
   * Links the workspace to a GitHub App installation the admin's GitHub user can see (checked with
   * `user_token`, or the workspace's OAuth token); tokens are minted per installation on demand.
   */
  @Put('credentials/installation')
  @ApiZodBody(installationBody)
  @AdminOnly()
  @AuditAction('integration.installation_link')
  @ApiZodResponse(200, integrationResponseSchema, 'linked to the installation')
  async installation(
    @Principal() principal: TokenPrincipal,
    @Body() body: unknown,
    @Audit() audit: AuditNotes,
  ): Promise<z.output<typeof integrationResponseSchema>> {
    const input = parseInput(installationBody, body);
    const integration = await this.connections.connectInstallation({
      workspaceId: principal.workspaceId,
      installationId: BigInt(input.installation_id),
      accountLogin: input.account_login,
      connectedById: principal.userId,
      userToken: input.user_token,
    });
    audit.add(
      integrationAuditNote(integration, {
        auth_kind: 'app',
        installation_id: String(input.installation_id),
        github_login: integration.githubLogin,
      }),
    );
    return { integration: presentIntegration(integration) };
  }

  /** Admin actions and credential changes, newest first. */
  @Get('audit-logs')
  @ApiZodQuery(auditQuery)
  @AdminOnly()
  @NoAudit()
  @ApiZodResponse(200, auditLogPageSchema, 'newest first')
  async auditLogs(
    @Principal() principal: TokenPrincipal,
    @Query() query: unknown,
  ): Promise<z.output<typeof auditLogPageSchema>> {
    const input = parseInput(auditQuery, query);
    const { items, total } = await this.logs.list(
      principal.workspaceId,
      input.page,
      input.per_page,
      input.action,
    );
    return presentPage(input, items.map(presentAuditLog), total);
  }
}
