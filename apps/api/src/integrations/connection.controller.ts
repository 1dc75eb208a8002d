import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AdminOnly, AuditAction, Principal } from '#libs/auth';
import { ValidationError } from '#libs/common';
import type { TokenPrincipal } from '#libs/db';
import {
  GitHubConnectionService,
  RepositoryCatalogService,
  RepositorySettingsService,
  syncSettingsSchema,
  toRepositorySyncSettings,
} from '#libs/integrations';
import { SyncRequestService } from '#libs/sync';
import { Audit, AuditNotes } from '../auth/audit-note.js';
import { disconnectResponseSchema } from '../docs/responses/integration.js';
import {
  connectResponseSchema,
  repositoryCatalogSchema,
  repositorySyncSchema,
} from '../docs/responses/repositories.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../docs/zod-openapi.js';
import { Idempotent } from '../http/idempotency.decorator.js';
import { parseInput } from '../http/zod-input.js';
import { presentConnectJob, presentIntegration, presentRepository } from './sync-job.presenter.js';
import { pageFields, presentPage, pageRange } from '../http/pagination.js';
import { uuid } from '../http/params.js';
import { integrationAuditNote } from './integration-audit.js';

const repositoryName = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'must look like "owner/name"');
const connectBody = syncSettingsSchema.extend({ repository: repositoryName, project_id: uuid }).strict();
const configureBody = syncSettingsSchema
  .extend({ repository: repositoryName, project_id: uuid.optional() })
  .strict();
const repositoriesQuery = z
  .object({
    owner: z
      .string()
      .regex(/^[A-Za-z0-9-]{1,39}$/, 'must be a GitHub login')
      .optional(),
    q: z.string().trim().max(200).optional(),
    ...pageFields({ perPage: 30, maxPage: 1000 }),
  })
  .strict();

/**
 * Repositories of the workspace's GitHub connection: what the identity can reach (members), mapping a
 * repository to a project with its sync settings, changing them, and disconnecting (admins).
 */
@Controller('workspaces/:slug/integrations/github-mcp')
export class ConnectionController {
  constructor(
    private readonly connections: GitHubConnectionService,
    private readonly settings: RepositorySettingsService,
    private readonly catalog: RepositoryCatalogService,
    private readonly requests: SyncRequestService,
  ) {}

  /** 201 with the new mapping and its first sync job; 200 when the mapping existed (settings replaced). */
  @Post('connect')
  @ApiZodBody(connectBody)
  @AdminOnly()
  @Idempotent()
  @AuditAction('repository.connect')
  @HttpCode(201)
  @ApiZodResponse(201, connectResponseSchema, 'mapped, with its first sync job')
  @ApiZodResponse(200, connectResponseSchema, 'the mapping existed: settings replaced')
  async connect(
    @Principal() principal: TokenPrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: FastifyReply,
    @Audit() audit: AuditNotes,
  ): Promise<z.output<typeof connectResponseSchema>> {
    const input = parseInput(connectBody, body);
    const { repository, project_id: projectId, ...settings } = input;
    const { sync, created } = await this.settings.connect({
      workspaceId: principal.workspaceId,
      repository,
      projectId,
      settings: toRepositorySyncSettings(settings),
    });
    audit.add({ targetType: 'repository_sync', targetId: sync.id, details: { repository, created } });
    if (!created) void res.status(200);
    const [job] = sync.enabled
      ? await this.requests.request(principal.workspaceId, { repository, trigger: 'connect' })
      : [];
    return {
      repository: presentRepository(sync),
      created,
      sync_job: presentConnectJob(job),
    };
  }

  @Patch('configure')
  @ApiZodBody(configureBody)
  @AdminOnly()
  @AuditAction('repository.configure')
  @ApiZodResponse(200, repositorySyncSchema, 'the mapping with its new settings')
  async configure(@Principal() principal: TokenPrincipal, @Body() body: unknown, @Audit() audit: AuditNotes) {
    const input = parseInput(configureBody, body);
    const { repository, project_id: projectId, ...settings } = input;
    if (Object.keys(settings).length === 0 && projectId === undefined) {
      throw new ValidationError('nothing to change: give at least one setting');
    }
    const sync = await this.settings.configure({
      workspaceId: principal.workspaceId,
      repository,
      projectId,
      settings: toRepositorySyncSettings(settings),
    });
    audit.add({
      targetType: 'repository_sync',
      targetId: sync.id,
      details: { repository, changed: [...Object.keys(settings), ...(projectId ? ['project_id'] : [])] },
    });
    return presentRepository(sync);
  }

  /** Stops every schedule, deletes stored tokens, marks the integration disconnected; history stays. */
  @Delete('disconnect')
  @AdminOnly()
  @AuditAction('integration.disconnect')
  @ApiZodResponse(200, disconnectResponseSchema, 'disconnected')
  async disconnect(
    @Principal() principal: TokenPrincipal,
    @Audit() audit: AuditNotes,
  ): Promise<z.output<typeof disconnectResponseSchema>> {
    const { integration, disabled, revoked } = await this.connections.disconnect(principal.workspaceId);
    audit.add(
      integrationAuditNote(integration, {
        auth_kind: integration.authKind,
        repositories_disabled: disabled,
        token_revoked: revoked,
      }),
    );
    return {
      integration: presentIntegration(integration),
      repositories_disabled: disabled,
      token_revoked: revoked,
    };
  }

  /** What the connected identity can reach (`search_repositories user:<owner>`), with a `connected` flag. */
  @Get('repositories')
  @ApiZodQuery(repositoriesQuery)
  @ApiZodResponse(200, repositoryCatalogSchema, 'one page of search_repositories')
  async repositories(
    @Principal() principal: TokenPrincipal,
    @Query() query: unknown,
  ): Promise<z.output<typeof repositoryCatalogSchema>> {
    const input = parseInput(repositoriesQuery, query);
    const { owner, results, total } = await this.catalog.list({
      workspaceId: principal.workspaceId,
      owner: input.owner,
      query: input.q,
      ...pageRange(input),
    });
    return { owner, ...presentPage(input, results, total) };
  }
}
