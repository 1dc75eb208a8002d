import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule, integrationEnabled } from '#libs/config';
import { DbModule } from '#libs/db';
import { GitHubMcpModule } from '#libs/github-mcp';
import { IntegrationTokensModule } from '#libs/integrations';
import { MaintenanceModule } from '#libs/maintenance';
import { Metrics, mcpCallRecorder } from '#libs/metrics';
import { QueueModule } from '#libs/queue';
import { GitHubBudgetModule } from '#libs/github-budget';
import { SecretsModule } from '#libs/secrets';
import { SyncWorkerModule } from '#libs/sync';
import { WebhooksWorkerModule } from '#libs/webhooks';
import { jobRegistryProvider } from './job-registry.provider.js';
import { JobObserver } from './ops/job-observer.js';
import { JobDispatcher } from './processors/job-dispatcher.js';
import { MaintenanceProcessor, SyncProcessor, WebhookProcessor } from './processors/queue-processor.js';
import { SchedulesService } from './schedules.service.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        DbModule,
        SecretsModule,
        QueueModule.forRoot('worker'),
        // MCP call latency / errors by tool → Prometheus (MetricsModule is global, set up by the bootstrap).
        GitHubMcpModule.forRootAsync({
          inject: [Metrics],
          useFactory: (metrics: Metrics) => ({
            ...config.mcp,
            clientName: 'github-mcp-sync-worker',
            onCall: mcpCallRecorder(metrics),
          }),
        }),
        IntegrationTokensModule,
        GitHubBudgetModule,
        SyncWorkerModule,
        MaintenanceModule,
        WebhooksWorkerModule,
      ],
      providers: [
        jobRegistryProvider,
        // ENABLE_GITHUB_MCP_INTEGRATION=false: nothing consumes the sync queue (jobs wait for re-enabling).
        ...(integrationEnabled(config) ? [SyncProcessor] : []),
        MaintenanceProcessor,
        WebhookProcessor,
        SchedulesService,
        JobDispatcher,
        JobObserver, // log context, job metrics and shutdown hand-back around every job (ops/)
      ],
    };
  }
}
