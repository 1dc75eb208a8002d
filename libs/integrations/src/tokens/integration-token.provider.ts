import { Inject, Injectable, Optional } from '@nestjs/common';
import { ValidationError } from '#libs/common';
import {
  IntegrationAdminRepository,
  IntegrationCredentialRepository,
  type WorkspaceIntegration,
} from '#libs/db';
import { SecretCipher, SecretUnreadableError, accessTokenBinding } from '#libs/secrets';
import type { InstallationTokenMinter } from './github-app-minter.js';
import { type InstallationToken, InstallationTokenCache } from './installation-token-cache.js';

/** Provider token of the installation-token minter (null when no GitHub App is configured). */
export const INSTALLATION_TOKEN_MINTER = Symbol('INSTALLATION_TOKEN_MINTER');

/**
 * The GitHub token to use for an integration — the Bearer of its MCP client:
 * - `oauth` / `token`: the stored token, decrypted;
 * - `app`: an installation token, cached in memory per installation and shared through the integration
 *   row (encrypted, with `token_expires_at`) so API and worker processes reuse one another's tokens;
 *   refreshed when less than 60 s remain; concurrent callers share one mint.
 */
@Injectable()
export class IntegrationTokenProvider {
  private readonly installations: InstallationTokenCache;

  constructor(
    private readonly cipher: SecretCipher,
    private readonly admin: IntegrationAdminRepository,
    private readonly credentials: IntegrationCredentialRepository,
    @Optional() @Inject(INSTALLATION_TOKEN_MINTER) private readonly minter: InstallationTokenMinter | null,
  ) {
    this.installations = new InstallationTokenCache((id) => this.loadInstallationToken(id));
  }

  async tokenFor(integration: WorkspaceIntegration): Promise<string> {
    if (integration.status !== 'connected') {
      throw new ValidationError('the GitHub integration is disconnected; connect it again first');
    }
    if (integration.authKind === 'app') {
      if (integration.installationId === null) {
        throw new ValidationError('the GitHub App integration is not linked to an installation');
      }
      return (await this.installations.get(integration.installationId)).token;
    }
    if (!integration.accessTokenEncrypted)
      throw new ValidationError('GitHub is not connected for this workspace');
    return this.cipher.decrypt(integration.accessTokenEncrypted, accessTokenBinding(integration.id));
  }

  /** A token for an installation (also before any workspace is linked to it: linking checks access with it). */
  installationToken(installationId: bigint): Promise<InstallationToken> {
    return this.installations.get(installationId);
  }

  get appConfigured(): boolean {
    return !!this.minter;
  }

  /** Forgets the cached token of an installation (unlinked, or GitHub refused it). */
  forget(installationId: bigint): void {
    this.installations.forget(installationId);
  }

  private async loadInstallationToken(installationId: bigint): Promise<InstallationToken> {
    if (!this.minter) {
      throw new ValidationError('no GitHub App is configured (set GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY)');
    }
    for (const row of await this.admin.findByInstallation(installationId)) {
      if (row.authKind !== 'app' || !row.accessTokenEncrypted || !row.tokenExpiresAt) continue;
      const token = this.storedToken(row.id, row.accessTokenEncrypted);
      const stored = { token, expiresAt: row.tokenExpiresAt };
      if (token && this.installations.isFresh(stored)) return stored;
    }
    const minted = await this.minter(installationId);
    await this.credentials.storeInstallationToken(
      installationId,
      (id) => this.cipher.encrypt(minted.token, accessTokenBinding(id)),
      minted.expiresAt,
    );
    return minted;
  }

  /** A shared installation token that cannot be read here (another row's, an old key) is minted anew. */
  private storedToken(integrationId: string, ciphertext: string): string {
    try {
      return this.cipher.decrypt(ciphertext, accessTokenBinding(integrationId));
    } catch (error) {
      if (error instanceof SecretUnreadableError) return '';
      throw error;
    }
  }
}
