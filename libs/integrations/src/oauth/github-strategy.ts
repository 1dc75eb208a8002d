import { type Profile, Strategy as GitHubStrategy } from 'passport-github2';
import type { OAuthStateBinding } from '#libs/db';
import type { OAuthRequest } from './passport-driver.js';

/** Scopes the OAuth connection asks for. */
export const OAUTH_SCOPES = ['repo', 'read:user', 'user:email'];

/** What the strategy hands back after a successful exchange; `accessToken` stays in memory only. */
export interface GitHubGrant {
  accessToken: string;
  scope: string | undefined;
  profile: Profile;
}

export interface GitHubStrategyOptions {
  clientId: string;
  clientSecret: string;
  /** Absolute, or a path resolved against the request's own URL. */
  callbackUrl: string;
  oauthBaseUrl: string;
  apiBaseUrl: string;
  /** Resolve a relative callbackUrl with X-Forwarded-Proto/-Host (TRUST_PROXY is set). */
  trustProxy: boolean;
  /**
   * Consumes a state value for this request: its binding, or the failure code (unknown, used, expired, or
   * not started in this browser).
   */
  consumeState(
    state: string,
    req: OAuthRequest,
  ): Promise<{ binding: OAuthStateBinding } | { failure: string }>;
}

interface OAuth2Internals {
  getOAuthAccessToken(
    code: string,
    params: object,
    callback: (
      error: unknown,
      accessToken?: string,
      refreshToken?: string,
      results?: Record<string, unknown>,
    ) => void,
  ): void;
}

/**
 * passport-github2, configured for one deployment: endpoints from config (GitHub Enterprise, the
 * simulator), our own single-use state store (state values are created by GitHubOAuthService), and
 * token-endpoint errors that GitHub answers with 200 turned into errors passport can report.
 */
export function createGitHubStrategy(options: GitHubStrategyOptions): GitHubStrategy {
  const store = {
    store(_req: OAuthRequest, _meta: unknown, callback: (err: Error | null, state?: string) => void) {
      callback(new Error('OAuth state values are issued by GitHubOAuthService'));
    },
    verify(
      req: OAuthRequest,
      state: string,
      _meta: unknown,
      callback: (err: Error | null, ok: boolean, state?: unknown) => void,
    ) {
      if (!state) return callback(null, false, { message: 'state_invalid' });
      options.consumeState(state, req).then(
        (result) =>
          'binding' in result
            ? callback(null, true, result.binding)
            : callback(null, false, { message: result.failure }),
        (error: Error) => callback(error, false),
      );
    },
  };
  const strategy = new GitHubStrategy(
    {
      clientID: options.clientId,
      clientSecret: options.clientSecret,
      callbackURL: options.callbackUrl,
      scope: OAUTH_SCOPES,
      scopeSeparator: ' ',
      authorizationURL: `${options.oauthBaseUrl}/login/oauth/authorize`,
      tokenURL: `${options.oauthBaseUrl}/login/oauth/access_token`,
      userProfileURL: `${options.apiBaseUrl}/user`,
      userEmailURL: `${options.apiBaseUrl}/user/emails`,
      userAgent: 'github-mcp-sync',
      passReqToCallback: true,
      proxy: options.trustProxy,
      store,
    } as ConstructorParameters<typeof GitHubStrategy>[0] & { passReqToCallback: true },
    (
      _req: OAuthRequest,
      accessToken: string,
      _refreshToken: string,
      params: { scope?: string },
      profile: Profile,
      done: (err: Error | null, user?: GitHubGrant) => void,
    ) => done(null, { accessToken, scope: params.scope, profile }),
  );
  const oauth2 = (strategy as unknown as { _oauth2: OAuth2Internals })._oauth2;
  const exchange = oauth2.getOAuthAccessToken.bind(oauth2);
  oauth2.getOAuthAccessToken = (code, params, callback) =>
    exchange(code, params, (error, accessToken, refreshToken, results) => {
      if (!error && !accessToken && typeof results?.['error'] === 'string') {
        // GitHub answers a refused code with HTTP 200 and an error body; report it as a token error.
        return callback({ statusCode: 400, data: JSON.stringify(results) });
      }
      callback(error, accessToken, refreshToken, results);
    });
  return strategy;
}
