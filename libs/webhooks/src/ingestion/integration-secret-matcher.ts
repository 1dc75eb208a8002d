import { Injectable, Logger } from '@nestjs/common';
import { WebhookTargetRepository } from '#libs/db';
import { SecretCipher, webhookSecretBinding } from '#libs/secrets';
import type { PayloadSummary } from './payload-summary.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { signedWith } from './body-hasher.js';

const CACHE_LIMIT = 1000;

/**
 * Integrations may hold their own webhook secret (workspace_integrations.webhook_secret_encrypted). When no
 * deployment secret matches, the delivery is checked against the secrets of the integrations it is about
 * (its repository or installation) — a handful at most, never every integration.
 */
@Injectable()
export class IntegrationSecretMatcher {
  private readonly logger = new Logger(IntegrationSecretMatcher.name);
  /** `<integration id> <ciphertext>` → secret: a ciphertext is cached only for the row it opened in. */
  private readonly plaintext = new Map<string, string>();

  constructor(
    private readonly targets: WebhookTargetRepository,
    private readonly cipher: SecretCipher,
  ) {}

  /**
   * The id of the integration whose secret signed `body` (HMAC over its raw bytes), or null. Between two
   * secrets the event loop gets a turn, so a large body does not hold it for all of them at once.
   */
  async match(
    body: readonly Buffer[],
    signature: string,
    summary: Pick<PayloadSummary, 'installationId' | 'repositoryGithubId'>,
  ): Promise<string | null> {
    const integrations = await this.targets.findIntegrationsWithSecret(summary);
    for (const integration of integrations) {
      const secret = this.decrypt(integration.id, integration.webhookSecretEncrypted);
      if (secret && signedWith(secret, body, signature)) return integration.id;
      await nextTurn();
    }
    return null;
  }

  private decrypt(integrationId: string, ciphertext: string | null): string | undefined {
    if (!ciphertext) return undefined;
    const cacheKey = `${integrationId} ${ciphertext}`;
    const cached = this.plaintext.get(cacheKey);
    if (cached !== undefined) return cached;
    try {
      const secret = this.cipher.decrypt(ciphertext, webhookSecretBinding(integrationId));
      if (this.plaintext.size >= CACHE_LIMIT) this.plaintext.clear();
      this.plaintext.set(cacheKey, secret);
      return secret;
    } catch (error) {
      this.logger.warn(
        `webhook secret of integration ${integrationId} cannot be decrypted: ${(error as Error).message}`,
      );
      return undefined;
    }
  }
}
