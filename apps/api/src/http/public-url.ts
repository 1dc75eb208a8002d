import type { FastifyRequest as Request } from 'fastify';
import type { AppConfig } from '#libs/config';
import { proxyTrust } from './proxy-trust.js';

type UrlConfig = Pick<AppConfig, 'trustProxy'> & { api: Pick<AppConfig['api'], 'prefix' | 'publicBaseUrl'> };

const PATH_PREFIX = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/;

function firstHeader(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
}

/**
 * The path a reverse proxy strips before forwarding (`X-Forwarded-Prefix: /some/prefix`). Honoured only
 * when the peer is a proxy TRUST_PROXY trusts, as fastify does for X-Forwarded-Proto/-Host (the header is
 * as forgeable as X-Forwarded-For); '' otherwise.
 */
export function forwardedPrefix(req: Request, config: Pick<AppConfig, 'trustProxy'>): string {
  if (!proxyTrust(config.trustProxy)(req.socket.remoteAddress, 0)) return '';
  const value = firstHeader(req, 'x-forwarded-prefix')?.replace(/\/+$/, '');
  return value && value.length <= 200 && PATH_PREFIX.test(value) ? value : '';
}

/**
 * HTTPS as the browser sees it: the request came over TLS (`req.protocol`, which honours X-Forwarded-Proto
 * from a proxy TRUST_PROXY trusts), or PUBLIC_BASE_URL is https. Cookies get `Secure` then.
 */
export function isSecure(req: Request, config: Pick<AppConfig, 'api'>): boolean {
  return req.protocol === 'https' || Boolean(config.api.publicBaseUrl?.startsWith('https:'));
}

/** The path of the request's URL, without its query (express's `req.path`). */
export function requestPath(req: Pick<Request, 'url'>): string {
  const query = req.url.indexOf('?');
  return query === -1 ? req.url : req.url.slice(0, query);
}

/**
 * Absolute URL of the application root as clients see it (no API prefix, no trailing slash):
 * PUBLIC_BASE_URL when set, else scheme and host of the request (X-Forwarded-Proto/-Host behind a
 * trusted proxy) plus X-Forwarded-Prefix. Use it for every URL the API hands out (OAuth redirect_uri,
 * links, OpenAPI servers).
 */
export function publicBaseUrl(req: Request, config: UrlConfig): string {
  if (config.api.publicBaseUrl) return config.api.publicBaseUrl.replace(/\/+$/, '');
  return `${req.protocol}://${req.host}${forwardedPrefix(req, config)}`;
}

/** Absolute URL of an API route: `publicApiUrl(req, config, 'auth/github/callback')`. */
export function publicApiUrl(req: Request, config: UrlConfig, route: string): string {
  const prefix = config.api.prefix ? `/${config.api.prefix}` : '';
  return `${publicBaseUrl(req, config)}${prefix}/${route.replace(/^\/+/, '')}`;
}

/** The path part of `publicBaseUrl` + `path`, for cookie paths and `<base href>`. */
export function publicPath(req: Request, config: UrlConfig, path: string): string {
  const base = config.api.publicBaseUrl
    ? new URL(config.api.publicBaseUrl).pathname.replace(/\/+$/, '')
    : forwardedPrefix(req, config);
  return `${base}/${path.replace(/^\/+/, '')}`;
}
