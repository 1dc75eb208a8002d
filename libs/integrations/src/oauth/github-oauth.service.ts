import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Strategy } from 'passport-github2';
import { type AuditActor, AuditTrail } from '#libs/auth';
import { ValidationError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import {
  IntegrationCredentialRepository,
  IntegrationRepository,
  type OAuthStateBinding,
  OAuthStateRepository,
  UserRepository,
  type WorkspaceIntegration,
} from '#libs/db';
import { SecretCipher, accessTokenBinding } from '#libs/secrets';
import { CredentialRetirement } from '../credential-retirement.js';
import { type GitHubGrant, OAUTH_SCOPES, createGitHubStrategy } from './github-strategy.js';
import { OAuthCallbackError, exchangeError } from './oauth-errors.js';
import { type OAuthRequest, runStrategy } from './passport-driver.js';

const STATE_FAILURES = ['state_invalid', 'state_expired', 'state_mismatch'] as const;

/** The state check's verdict (passport's `fail` challenge) as an OAuthCallbackError. */
function stateFailure(challenge: unknown): OAuthCallbackError {
  const message = (challenge as { message?: unknown } | undefined)?.message;
  const code = STATE_FAILURES.find((c) => c === message) ?? 'state_invalid';
  const text = {
    state_invalid: 'OAuth state is invalid or already used; start again from the console',
    state_expired: 'OAuth state expired (10 minutes); start again from the console',
    state_mismatch: 'this authorization was started in another browser; start again from the console',
  }[code];
  return new OAuthCallbackError(code, text);
}

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
  /** The nonce each callback request's browser presented (read by the strategy's state check). */
  private readonly nonces = new WeakMap<OAuthRequest, string | undefined>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly states: OAuthStateRepository,
    private readonly users: UserRepository,
    private readonly integrations: IntegrationRepository,
    private readonly credentials: IntegrationCredentialRepository,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditTrail,
    private readonly retirement: CredentialRetirement,
  ) {}

  /**
   * The GitHub authorization URL for an admin of the workspace, and the browser nonce the API puts in a
   * cookie: the state records the nonce's hash, and the callback must come from the browser holding it.
   */
  async authorizationUrl(input: {
    workspaceId: string;
    userId: string;
    request: OAuthRequest;
    callbackUrl: string;
  }) {
    const strategy = this.getStrategy();
    if (Date.now() - this.lastSweep > SWEEP_EVERY_MS) {
      this.lastSweep = Date.now();
      await this.states.deleteExpired(new Date(Date.now() - OAUTH_STATE_TTL_MS));
    }
    const state = randomBytes(32).toString('base64url');
    const nonce = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + OAUTH_STATE_TTL_MS);
    await this.states.create({
      stateHash: hashState(state),
      nonceHash: hashState(nonce),
      workspaceId: input.workspaceId,
      userId: input.userId,
      expiresAt,
    });
    const outcome = await runStrategy(strategy, input.request, { state, callbackURL: input.callbackUrl });
    if (outcome.kind !== 'redirect') throw new Error('passport-github2 did not produce an authorization URL');
    return { authorizationUrl: outcome.url, state, nonce, expiresAt, scopes: OAUTH_SCOPES };
  }

  /**
   * Handles GitHub's redirect back: consumes the state (whatever the outcome), checks that the browser
   * holds the state's nonce (`nonce`, from its cookie), exchanges the code, reads the profile and stores
   * the token encrypted. Any failure stores nothing and is an OAuthCallbackError naming its code.
   * `callbackUrl` must be the redirect_uri the authorization URL was built with.
   */
  async complete(
    request: OAuthRequest,
    callbackUrl: string,
    actor: AuditActor,
    nonce: string | undefined,
  ): Promise<OAuthConnected> {
    const strategy = this.getStrategy();
    const query = request.query as Record<string, unknown>;
    const state = typeof query['state'] === 'string' ? query['state'] : '';
    const error = typeof query['error'] === 'string' ? query['error'] : undefined;
    if (error) {
      if (state) await this.states.consume(hashState(state));
      const description =
        typeof query['error_description'] === 'string' ? `: ${query['error_description'].slice(0, 200)}` : '';
      if (error === 'access_denied')
        throw new OAuthCallbackError('access_denied', `GitHub authorization was denied${description}`);
      throw new OAuthCallbackError(
        'code_rejected',
        `GitHub reported an authorization error (${error.slice(0, 60)})${description}`,
      );
    }
    if (!state) throw new OAuthCallbackError('state_invalid', 'state is required');
    if (typeof query['code'] !== 'string' || !query['code']) {
      await this.states.consume(hashState(state));
      throw new OAuthCallbackError('code_rejected', 'code is required');
    }
    this.nonces.set(request, nonce);
    const outcome = await runStrategy(strategy, request, { callbackURL: callbackUrl });
    if (outcome.kind === 'fail') throw stateFailure(outcome.challenge);
    if (outcome.kind === 'error') throw exchangeError(outcome.error);
    if (outcome.kind !== 'success') throw new Error(`unexpected passport outcome ${outcome.kind}`);
    const grant = outcome.user as GitHubGrant;
    const binding = (outcome.info as { state: OAuthStateBinding }).state;
    if ((await this.users.roleIn(binding.workspaceId, binding.userId)) !== 'admin') {
      throw new OAuthCallbackError(
        'access_denied',
        'the user who started this authorization is no longer a workspace admin',
      );
    }
    const scopes = [...new Set((grant.scope ?? '').split(/[\s,]+/).filter(Boolean))];
    const previous = await this.integrations.findForWorkspace(binding.workspaceId);
    const integration = await this.credentials.saveTokenCredentials({
      workspaceId: binding.workspaceId,
      authKind: 'oauth',
      sealAccessToken: (id) => this.cipher.encrypt(grant.accessToken, accessTokenBinding(id)),
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

  /** The strategy's state check: consumes the state, then compares the browser's nonce with its hash. */
  private async consumeState(state: string, request: OAuthRequest) {
    const consumed = await this.states.consume(hashState(state));
    if (!consumed.ok) return { failure: consumed.reason === 'expired' ? 'state_expired' : 'state_invalid' };
    const nonce = this.nonces.get(request);
    const given = nonce ? Buffer.from(hashState(nonce)) : Buffer.alloc(0);
    const expected = Buffer.from(consumed.nonceHash ?? '');
    if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { failure: 'state_mismatch' };
    }
    return { binding: consumed.binding };
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
      consumeState: (state, request) => this.consumeState(state, request),
    });
    return this.strategy;
  }
}
