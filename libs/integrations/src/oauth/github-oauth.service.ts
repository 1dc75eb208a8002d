import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { Strategy } from 'passport-github2';
import { type AuditActor, AuditTrail } from '#libs/auth';
import { ForbiddenError, UnavailableError, ValidationError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import {
  IntegrationAdminRepository,
  IntegrationRepository,
  OAuthStateRepository,
  UserRepository,
  type WorkspaceIntegration,
} from '#libs/db';
import { SecretCipher } from '#libs/secrets';
import { CredentialRetirement } from '../credential-retirement.js';
import { type GitHubGrant, OAUTH_SCOPES, createGitHubStrategy } from './github-strategy.js';
import { runStrategy } from './passport-driver.js';

/** How long an authorization URL (its `state`) may be used. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
/** Expired states are swept at most this often per process (when authorization URLs are handed out). */
const SWEEP_EVERY_MS = 10 * 60_000;

export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

export interface OAuthConnected {
  workspaceId: string;
  integration: WorkspaceIntegration;
}

/**
 * Connecting a workspace to GitHub with the OAuth web flow (passport-github2). The `state` is 32 random
 * bytes bound to the workspace and the admin who asked, stored only as a SHA-256 hash, valid for 10
 * minutes and consumed by the first callback that presents it — whatever that callback's outcome.
 */
@Injectable()
export class GitHubOAuthService {
  private strategy: Strategy | undefined;
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly states: OAuthStateRepository,
    private readonly users: UserRepository,
    private readonly integrations: IntegrationRepository,
    private readonly admin: IntegrationAdminRepository,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditTrail,
    private readonly retirement: CredentialRetirement,
  ) {}

  /** The GitHub authorization URL for an admin of the workspace. */
  async authorizationUrl(input: {
    workspaceId: string;
    userId: string;
    request: Request;
    callbackUrl: string;
  }) {
    const strategy = this.getStrategy();
    if (Date.now() - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = Date.now();
      await this.states.deleteExpired(new Date(Date.now() - OAUTH_STATE_TTL_MS));
    }
    const state = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + OAUTH_STATE_TTL_MS);
    await this.states.create({
      stateHash: hashState(state),
      workspaceId: input.workspaceId,
      userId: input.userId,
      expiresAt,
    });
    const outcome = await runStrategy(strategy, input.request, { state, callbackURL: input.callbackUrl });
    if (outcome.kind !== 'redirect') throw new Error('passport-github2 did not produce an authorization URL');
    return { authorizationUrl: outcome.url, state, expiresAt, scopes: OAUTH_SCOPES };
  }

  /**
   * Handles GitHub's redirect back: checks and consumes the state, exchanges the code, reads the profile
   * and stores the token encrypted. Any failure stores nothing and is a 4xx naming what went wrong.
   * `callbackUrl` must be the redirect_uri the authorization URL was built with.
   */
  async complete(request: Request, callbackUrl: string, actor: AuditActor): Promise<OAuthConnected> {
    const strategy = this.getStrategy();
    const query = request.query as Record<string, unknown>;
    const state = typeof query['state'] === 'string' ? query['state'] : '';
    const error = typeof query['error'] === 'string' ? query['error'] : undefined;
    if (error) {
      if (state) await this.states.consume(hashState(state));
      const description =
        typeof query['error_description'] === 'string' ? `: ${query['error_description'].slice(0, 200)}` : '';
      if (error === 'access_denied')
        throw new ForbiddenError(`GitHub authorization was denied${description}`);
      throw new ValidationError(
        `GitHub reported an authorization error (${error.slice(0, 60)})${description}`,
        'error',
      );
    }
    if (!state) throw new ValidationError('state is required', 'state');
    if (typeof query['code'] !== 'string' || !query['code']) {
      await this.states.consume(hashState(state));
      throw new ValidationError('code is required', 'code');
    }
    const outcome = await runStrategy(strategy, request, { callbackURL: callbackUrl });
    if (outcome.kind === 'fail') {
      throw new ValidationError(
        'OAuth state is invalid, expired or already used; start again from the authorize URL',
        'state',
      );
    }
    if (outcome.kind === 'error') throw this.exchangeError(outcome.error);
    if (outcome.kind !== 'success') throw new Error(`unexpected passport outcome ${outcome.kind}`);
    const grant = outcome.user as GitHubGrant;
    const binding = (outcome.info as { state: { workspaceId: string; userId: string } }).state;
    if ((await this.users.roleIn(binding.workspaceId, binding.userId)) !== 'admin') {
      throw new ForbiddenError('the user who started this authorization is no longer a workspace admin');
    }
    const scopes = [...new Set((grant.scope ?? '').split(/[\s,]+/).filter(Boolean))];
    const previous = await this.integrations.findForWorkspace(binding.workspaceId);
    const integration = await this.admin.saveTokenCredentials({
      workspaceId: binding.workspaceId,
      authKind: 'oauth',
      accessTokenEncrypted: this.cipher.encrypt(grant.accessToken),
      githubLogin: grant.profile.username ?? String(grant.profile.id),
      githubUserId: BigInt(grant.profile.id),
      scopes,
      connectedById: binding.userId,
    });
    await this.retirement.retire(previous, integration);
    await this.audit.record(
      binding.workspaceId,
      { ...actor, userId: binding.userId },
      {
        action: 'integration.oauth_connected',
        integrationId: integration.id,
        targetType: 'integration',
        targetId: integration.id,
        details: { auth_kind: 'oauth', github_login: integration.githubLogin, scopes },
      },
    );
    return { workspaceId: binding.workspaceId, integration };
  }

  private exchangeError(error: unknown): Error {
    const e = error as {
      name?: string;
      code?: unknown;
      message?: string;
      oauthError?: { statusCode?: number };
    };
    if (e.name === 'TokenError') {
      return new ValidationError(
        `GitHub refused the authorization code (${String(e.code)}${e.message ? `: ${e.message}` : ''})`,
        'code',
        { cause: error },
      );
    }
    const status = e.oauthError?.statusCode;
    if (typeof status === 'number' && status < 500) {
      return new ValidationError(
        `GitHub refused the OAuth exchange (${e.message ?? 'error'}, HTTP ${status})`,
        'code',
        {
          cause: error,
        },
      );
    }
    return new UnavailableError(`GitHub could not complete the OAuth exchange: ${e.message ?? 'error'}`, {
      cause: error,
    });
  }

  private getStrategy(): Strategy {
    const oauth = this.config.github.oauth;
    if (!oauth)
      throw new ValidationError(
        'GitHub OAuth is not configured (set GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET)',
      );
    this.strategy ??= createGitHubStrategy({
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      // Each call passes its redirect_uri (GITHUB_CALLBACK_URL, or the public URL of the callback route).
      callbackUrl: oauth.callbackUrl ?? `/${this.config.api.prefix}/auth/github/callback`,
      oauthBaseUrl: this.config.github.oauthBaseUrl,
      apiBaseUrl: this.config.github.apiBaseUrl,
      trustProxy: this.config.trustProxy !== false,
      consumeState: (state) => this.states.consume(hashState(state)),
    });
    return this.strategy;
  }
}
