import { DomainError } from '#libs/common';

/** Why an OAuth callback did not connect; the console shows it (`#/connect?oauth_error=<code>`). */
export type OAuthErrorCode =
  | 'access_denied'
  | 'state_invalid'
  | 'state_expired'
  | 'state_mismatch'
  | 'code_rejected'
  | 'github_unavailable';

/** A failed OAuth callback: nothing was stored; `code` says why. */
export class OAuthCallbackError extends DomainError {
  readonly kind: 'invalid' | 'forbidden' | 'unavailable';

  constructor(
    readonly code: OAuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind =
      code === 'github_unavailable' ? 'unavailable' : code === 'access_denied' ? 'forbidden' : 'invalid';
  }
}

/** Maps a failed code exchange: GitHub refusing the code (4xx) or GitHub being unreachable (5xx, network). */
export function exchangeError(error: unknown): OAuthCallbackError {
  const e = error as {
    name?: string;
    code?: unknown;
    message?: string;
    oauthError?: { statusCode?: number };
  };
  if (e.name === 'TokenError') {
    return new OAuthCallbackError(
      'code_rejected',
      `GitHub refused the authorization code (${String(e.code)}${e.message ? `: ${e.message}` : ''})`,
      { cause: error },
    );
  }
  const status = e.oauthError?.statusCode;
  if (typeof status === 'number' && status < 500) {
    return new OAuthCallbackError(
      'code_rejected',
      `GitHub refused the OAuth exchange (${e.message ?? 'error'}, HTTP ${status})`,
      { cause: error },
    );
  }
  return new OAuthCallbackError(
    'github_unavailable',
    `GitHub could not complete the OAuth exchange: ${e.message ?? 'error'}`,
    { cause: error },
  );
}
