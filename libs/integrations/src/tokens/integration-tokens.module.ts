import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { createInstallationTokenMinter } from './github-app-minter.js';
import { INSTALLATION_TOKEN_MINTER, IntegrationTokenProvider } from './integration-token.provider.js';

/** `IntegrationTokenProvider` for every module of a process (API, worker, CLI). Needs Config, Db, Secrets. */
@Global()
@Module({
  providers: [
    {
      provide: INSTALLATION_TOKEN_MINTER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.github.app ? createInstallationTokenMinter(config.github.app, config.github.apiBaseUrl) : null,
    },
    IntegrationTokenProvider,
  ],
  exports: [IntegrationTokenProvider],
})
export class IntegrationTokensModule {}
