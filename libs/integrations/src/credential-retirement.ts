import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import type { WorkspaceIntegration } from '#libs/db';
import { SecretCipher, SecretUnreadableError, accessTokenBinding } from '#libs/secrets';
import { IntegrationTokenProvider } from './tokens/integration-token.provider.js';

/**
 * Cleans up credentials a workspace stops using (replaced or disconnected): forgets a cached
 * installation token and revokes an OAuth token at GitHub (`DELETE /applications/{client_id}/token`,
 * best effort: the stored copy is deleted anyway). Personal access tokens belong to their owner and stay.
 */
@Injectable()
export class CredentialRetirement {
  private readonly logger = new Logger(CredentialRetirement.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cipher: SecretCipher,
    private readonly tokens: IntegrationTokenProvider,
  ) {}

  /** `next`: the credentials replacing `previous` (null on disconnect). True when a token was revoked. */
  async retire(
    previous: WorkspaceIntegration | null,
    next: { id: string; installationId?: bigint | null; accessTokenEncrypted?: string | null } | null,
  ): Promise<boolean> {
    if (!previous) return false;
    if (previous.installationId && previous.installationId !== next?.installationId) {
      this.tokens.forget(previous.installationId);
    }
    if (previous.authKind !== 'oauth' || !previous.accessTokenEncrypted) return false;
    let old: string;
    try {
      old = this.cipher.decrypt(previous.accessTokenEncrypted, accessTokenBinding(previous.id));
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      // Nothing to revoke that this row really holds (another row's ciphertext, or an unknown key).
      this.logger.warn(`integration ${previous.id}: old token not revoked: ${error.message}`);
      return false;
    }
    const replacement = next?.accessTokenEncrypted
      ? this.cipher.decrypt(next.accessTokenEncrypted, accessTokenBinding(next.id))
      : null;
    return old === replacement ? false : this.revokeOAuthToken(old);
  }

  private async revokeOAuthToken(token: string): Promise<boolean> {
    const oauth = this.config.github.oauth;
    if (!oauth) return false;
    try {
      const response = await fetch(
        `${this.config.github.apiBaseUrl}/applications/${encodeURIComponent(oauth.clientId)}/token`,
        {
          method: 'DELETE',
          headers: {
            authorization: `Basic ${Buffer.from(`${oauth.clientId}:${oauth.clientSecret}`).toString('base64')}`,
            accept: 'application/vnd.github+json',
            'content-type': 'application/json',
            'user-agent': 'github-mcp-sync',
          },
          body: JSON.stringify({ access_token: token }),
          signal: AbortSignal.timeout(5000),
        },
      );
      if (response.status === 204) return true;
      this.logger.warn(`GitHub did not revoke the OAuth token (HTTP ${response.status})`);
    } catch (error) {
      this.logger.warn(
        `could not revoke the OAuth token at GitHub: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return false;
  }
}
