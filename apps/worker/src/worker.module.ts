import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { GitHubMcpModule } from '#libs/github-mcp';
import { QueueModule } from '#libs/queue';
import { SecretsModule } from '#libs/secrets';
import { SyncWorkerModule } from '#libs/sync';
import { jobRegistryProvider } from './job-registry.provider.js';
import { SyncProcessor } from './processors/sync.processor.js';

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
        GitHubMcpModule.forRoot({ ...config.mcp, clientName: 'github-mcp-sync-worker' }),
        SyncWorkerModule,
      ],
      providers: [jobRegistryProvider, SyncProcessor],
    };
  }
}
