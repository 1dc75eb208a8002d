import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { SESSION_COOKIE, SESSION_TTL_MS } from '#libs/auth';
import type { AppConfig } from '#libs/config';
import { isSecure, publicBaseUrl, publicPath } from '../http/public-url.js';

type CookieConfig = Pick<AppConfig, 'trustProxy' | 'api'>;

/** The OAuth flow's browser-binding cookie (its value is the nonce whose hash the state records). */
export const OAUTH_COOKIE = 'ghsync_oauth';
export const OAUTH_COOKIE_MAX_AGE_S = 600;

/**
 * Path of the API prefix as the browser sees it: `/api/`, or behind a path-prefixed proxy
 * `<PUBLIC_BASE_URL path or X-Forwarded-Prefix>/api/`. The queue dashboard lives under it too.
 */
export function apiCookiePath(req: Request, config: CookieConfig): string {
  return publicPath(req, config, config.api.prefix ? `${config.api.prefix}/` : '');
}

function cookie(
  req: Request,
  config: CookieConfig,
  parts: { name: string; value: string; path: string; maxAge: number; sameSite: 'Strict' | 'Lax' },
): string {
  const secure = isSecure(req, config) ? '; Secure' : '';
  return `${parts.name}=${parts.value}; HttpOnly; SameSite=${parts.sameSite}; Path=${parts.path}; Max-Age=${parts.maxAge}${secure}`;
}

/** fastify adds to the answer's Set-Cookie list (other headers are replaced). */
function append(res: Response, value: string): void {
  void res.header('Set-Cookie', value);
}

/** Sets (or with `undefined`, clears) the console session cookie. */
export function setSessionCookie(
  req: Request,
  res: Response,
  config: CookieConfig,
  sessionId: string | undefined,
): void {
  append(
    res,
    cookie(req, config, {
      name: SESSION_COOKIE,
      value: sessionId ?? '',
      path: apiCookiePath(req, config),
      maxAge: sessionId ? SESSION_TTL_MS / 1000 : 0,
      sameSite: 'Strict',
    }),
  );
}

/** Path of the OAuth callback's cookie: `<prefix>/api/auth/github/`. */
export function oauthCookiePath(req: Request, config: CookieConfig): string {
  return `${apiCookiePath(req, config)}auth/github/`;
}

/** Sets (or with `undefined`, clears) the OAuth nonce cookie; SameSite=Lax so GitHub's redirect carries it. */
export function setOAuthCookie(
  req: Request,
  res: Response,
  config: CookieConfig,
  nonce: string | undefined,
): void {
  append(
    res,
    cookie(req, config, {
      name: OAUTH_COOKIE,
      value: nonce ?? '',
      path: oauthCookiePath(req, config),
      maxAge: nonce ? OAUTH_COOKIE_MAX_AGE_S : 0,
      sameSite: 'Lax',
    }),
  );
}

/** `<console base>/console/<suffix>`: the browser console's URL (app root as the browser sees it). */
export function consoleUrl(req: Request, config: CookieConfig, suffix = ''): string {
  return `${publicBaseUrl(req, config)}/console/${suffix}`;
}
