import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ApiTokenGuard } from '#libs/auth';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { GitHubMcpModule } from '#libs/github-mcp';
import { IntegrationsModule } from '#libs/integrations';
import { QueueModule } from '#libs/queue';
import { SecretsModule } from '#libs/secrets';
import { SyncApiModule } from '#libs/sync';
import { HealthController } from './health/health.controller.js';
import { DomainErrorFilter } from './http/domain-error.filter.js';
import { SyncController } from './integrations/sync.controller.js';
import { IssuesController } from './issues/issues.controller.js';

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
        GitHubMcpModule.forRoot({ ...config.mcp, clientName: 'github-mcp-sync-api' }),
        SyncApiModule,
        IntegrationsModule,
      ],
      controllers: [HealthController, SyncController, IssuesController],
      providers: [
        { provide: APP_GUARD, useClass: ApiTokenGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
