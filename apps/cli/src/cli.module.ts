import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { GitHubMcpModule } from '#libs/github-mcp';
import { IntegrationsModule } from '#libs/integrations';
import { SecretsModule } from '#libs/secrets';
import { AdminCommands } from './admin-commands.js';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DbModule,
        SecretsModule,
        GitHubMcpModule.forRoot({ ...config.mcp, clientName: 'github-mcp-sync-cli' }),
        IntegrationsModule,
      ],
      providers: [AdminCommands],
      exports: [AdminCommands],
    };
  }
}
