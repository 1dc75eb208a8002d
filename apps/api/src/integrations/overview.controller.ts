import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Principal } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { TokenPrincipal } from '#libs/db';
import { SyncOverviewService } from '#libs/sync';
import { OVERVIEW_VIEW } from '../docs/console-schemas.js';
import { ApiZodResponse } from '../docs/zod-openapi.js';
import { publicApiUrl } from '../http/public-url.js';
import { presentJobSummary } from './sync-job.presenter.js';

const AUTH_KIND = { oauth: 'oauth', app: 'installation', token: 'token' } as const;

/** The console's landing page: connection, switch, recent jobs, webhook health and write budget. */
@ApiTags('sync')
@Controller('workspaces/:slug/integrations/github-mcp/overview')
export class OverviewController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly overviews: SyncOverviewService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Integration overview: connection, recent jobs, webhooks, write budget' })
  @ApiZodResponse(200, OVERVIEW_VIEW, 'the overview (also when GitHub is not connected)')
  async overview(@Principal() principal: TokenPrincipal, @Req() req: FastifyRequest) {
    const o = await this.overviews.overview(principal.workspaceId);
    const i = o.integration;
    return {
      integration: {
        status: i?.status ?? 'not_connected',
        auth_kind: i ? AUTH_KIND[i.authKind] : null,
        github_login: i?.githubLogin ?? null,
        scopes: i?.scopes ?? [],
        installation_id: i?.installationId?.toString() ?? null,
        connected_at: i?.createdAt ?? null,
      },
      enabled: o.enabled,
      recent_jobs: o.recentJobs.map((v) => presentJobSummary(v.job, v.repository)),
      webhooks: {
        url: publicApiUrl(req, this.config, 'webhooks/github-mcp'),
        secret_configured: o.webhooks.secretConfigured,
        last_received_at: o.webhooks.lastReceivedAt,
        processed_24h: o.webhooks.processed24h,
        failed_24h: o.webhooks.failed24h,
        stale_repositories: o.webhooks.staleRepositories.map((r) => ({
          full_name: r.fullName,
          last_delivery_at: r.lastDeliveryAt,
        })),
      },
      write_budget: {
        per_minute: o.writeBudget.perMinute,
        used_last_minute: o.writeBudget.usedLastMinute,
        concurrency_per_token: o.writeBudget.concurrencyPerToken,
      },
    };
  }
}
