import { Inject, Injectable } from '@nestjs/common';
import { Webhooks } from '@octokit/webhooks';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { BodyHasher } from './body-hasher.js';

const CACHE_LIMIT = 1000;

/**
 * `X-Hub-Signature-256` checks with @octokit/webhooks (HMAC-SHA256, constant-time comparison) against the
 * deployment's secrets (GITHUB_WEBHOOK_SECRET, comma-separated: every listed secret is accepted while
 * rotating) or one integration's own secret.
 */
@Injectable()
export class WebhookSignatureVerifier {
  private readonly deployment: Webhooks[];
  private readonly bySecret = new Map<string, Webhooks>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.deployment = config.github.webhookSecrets.map((secret) => new Webhooks({ secret }));
  }

  /** Hashes a body as it arrives (deployment secrets' HMACs and SHA-256), checked once it is complete. */
  hasher(): BodyHasher {
    return new BodyHasher(this.config.github.webhookSecrets);
  }

  /** True when one of the deployment secrets signed `body`. */
  async verifyDeployment(body: string, signature: string): Promise<boolean> {
    for (const webhooks of this.deployment) {
      if (await verify(webhooks, body, signature)) return true;
    }
    return false;
  }

  verifyWith(secret: string, body: string, signature: string): Promise<boolean> {
    let webhooks = this.bySecret.get(secret);
    if (!webhooks) {
      if (this.bySecret.size >= CACHE_LIMIT) this.bySecret.clear();
      webhooks = new Webhooks({ secret });
      this.bySecret.set(secret, webhooks);
    }
    return verify(webhooks, body, signature);
  }
}

async function verify(webhooks: Webhooks, body: string, signature: string): Promise<boolean> {
  try {
    return await webhooks.verify(body, signature);
  } catch {
    return false; // empty body or signature: not a valid signature
  }
}
