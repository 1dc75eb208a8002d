import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiTokenGuard, ApiRateLimitModule, AuthModule, RateLimitGuard } from '#libs/auth';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { GitHubMcpModule } from '#libs/github-mcp';
import { Metrics, mcpCallRecorder } from '#libs/metrics';
import { IntegrationTokensModule, IntegrationsModule } from '#libs/integrations';
import { QueueModule } from '#libs/queue';
import { GitHubBudgetModule } from '#libs/github-budget';
import { SecretsModule } from '#libs/secrets';
import { SyncApiModule } from '#libs/sync';
import { WebhooksApiModule } from '#libs/webhooks';
import { AuditInterceptor } from './auth/audit.interceptor.js';
import { OAuthCallbackController } from './auth/oauth-callback.controller.js';
import { MeController } from './console/me.controller.js';
import { ConsoleSessionController } from './console/session.controller.js';
import { HealthController } from './health/health.controller.js';
import { DomainErrorFilter } from './http/domain-error.filter.js';
import { ConnectionController } from './integrations/connection.controller.js';
import { CredentialsController } from './integrations/credentials.controller.js';
import { OverviewController } from './integrations/overview.controller.js';
import { ProjectsController } from './integrations/projects.controller.js';
import { SyncEventsController } from './integrations/sync-events.controller.js';
import { SyncController } from './integrations/sync.controller.js';
import { IssuesController } from './issues/issues.controller.js';
import { WebhookEventsController } from './webhooks/webhook-events.controller.js';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DbModule,
        SecretsModule,
        QueueModule.forRoot('producer'),
        // MCP call latency / errors by tool → Prometheus (MetricsModule is global, set up by the bootstrap).
        GitHubMcpModule.forRootAsync({
          inject: [Metrics],
          useFactory: (metrics: Metrics) => ({
            ...config.mcp,
            clientName: 'github-mcp-sync-api',
            onCall: mcpCallRecorder(metrics),
          }),
        }),
        GitHubBudgetModule,
        SyncApiModule,
        AuthModule,
        ApiRateLimitModule,
        IntegrationTokensModule,
        IntegrationsModule,
        WebhooksApiModule,
      ],
      controllers: [
        HealthController,
        SyncController,
        SyncEventsController,
        OverviewController,
        ProjectsController,
        IssuesController,
        WebhookEventsController,
        ConnectionController,
        CredentialsController,
        OAuthCallbackController,
        ConsoleSessionController,
        MeController,
      ],
      providers: [
        // Order matters: rate limits (per IP and token) run before authentication.
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_GUARD, useClass: ApiTokenGuard },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
