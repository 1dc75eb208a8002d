import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { GitHubMcpModule } from '#libs/github-mcp';
import { IntegrationTokensModule, IntegrationsModule } from '#libs/integrations';
import { mcpCallLogger } from '#libs/logging';
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
        // No metrics port in the CLI: MCP calls are logged (debug; failures warn).
        GitHubMcpModule.forRoot({
          ...config.mcp,
          clientName: 'github-mcp-sync-cli',
          onCall: mcpCallLogger(),
        }),
        AuthModule,
        IntegrationTokensModule,
        IntegrationsModule,
      ],
      providers: [AdminCommands],
      exports: [AdminCommands],
    };
  }
}
