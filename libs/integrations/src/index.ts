export { GitHubConnectionService } from './github-connection.service.js';
export { IntegrationsModule } from './integrations.module.js';
export { GitHubOAuthService, OAUTH_STATE_TTL_MS, hashState } from './oauth/github-oauth.service.js';
export { OAUTH_SCOPES } from './oauth/github-strategy.js';
export { OAuthCallbackError, type OAuthErrorCode } from './oauth/oauth-errors.js';
export { type StrategyOutcome, runStrategy } from './oauth/passport-driver.js';
export { type CatalogEntry, RepositoryCatalogService } from './repository-catalog.service.js';
export { RepositorySettingsService, splitRepositoryName } from './repository-settings.service.js';
export { type ReencryptionReport, SecretReencryption } from './secret-reencryption.js';
export { type SyncSettingsInput, syncSettingsSchema, toRepositorySyncSettings } from './sync-settings.js';
export {
  type InstallationTokenMinter,
  createInstallationTokenMinter,
  toPkcs8,
} from './tokens/github-app-minter.js';
export {
  type InstallationToken,
  InstallationTokenCache,
  type InstallationTokenLoader,
  REFRESH_MARGIN_MS,
} from './tokens/installation-token-cache.js';
export { INSTALLATION_TOKEN_MINTER, IntegrationTokenProvider } from './tokens/integration-token.provider.js';
export { IntegrationTokensModule } from './tokens/integration-tokens.module.js';
