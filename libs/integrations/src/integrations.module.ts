import { Module } from '@nestjs/common';
import { CredentialRetirement } from './credential-retirement.js';
import { GitHubConnectionService } from './github-connection.service.js';
import { InstallationAccessCheck } from './installation-access.js';
import { GitHubOAuthService } from './oauth/github-oauth.service.js';
import { RepositoryCatalogService } from './repository-catalog.service.js';
import { RepositorySettingsService } from './repository-settings.service.js';
import { SecretReencryption } from './secret-reencryption.js';

/**
 * Connecting GitHub (token, OAuth, App installation), repository catalog and settings.
 * Needs ConfigModule, DbModule, SecretsModule, GitHubMcpModule, AuthModule and IntegrationTokensModule.
 */
@Module({
  providers: [
    CredentialRetirement,
    GitHubConnectionService,
    InstallationAccessCheck,
    GitHubOAuthService,
    RepositorySettingsService,
    RepositoryCatalogService,
    SecretReencryption,
  ],
  exports: [
    GitHubConnectionService,
    GitHubOAuthService,
    RepositorySettingsService,
    RepositoryCatalogService,
    SecretReencryption,
  ],
})
export class IntegrationsModule {}
