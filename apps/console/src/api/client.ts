import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** `{error: {code, message, field?}}`, the API's one error shape. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string | null };
}

/** A failed API call: its status, the API's error, and `Retry-After` for 429/503. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field: string | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function meta(name: string, fallback: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? fallback;
}

/**
 * Where the API is, relative to this page: the console is served at `<base>/console/` and the API at
 * `<base>/<prefix>/`, so both keep working behind a path-prefixed proxy.
 */
const apiBase = new URL(meta('api-base', '../api/'), document.baseURI);
const apiPrefix = apiBase.pathname.replace(/\/+$/, '');

let csrfToken: string | null = null;

/** Set from the session answer; sent on every state-changing call (the session cookie needs it). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** For routes that declare the header (sign-out); every other state-changing call gets it by middleware. */
export function csrfHeader(): { 'X-CSRF-Token': string } {
  return { 'X-CSRF-Token': csrfToken ?? '' };
}

/** The OpenAPI paths start with `/api`; a deployment with another prefix serves the API elsewhere. */
const prefixRoot = apiPrefix.endsWith('/api') ? apiPrefix.slice(0, -'/api'.length) : null;

const prefixAndCsrf: Middleware = {
  async onRequest({ request }) {
    if (csrfToken && request.method !== 'GET' && request.method !== 'HEAD') {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    if (prefixRoot !== null) return request;
    // Another API_PREFIX: move the path. The body is read first (a streamed body would need HTTP/2).
    const url = new URL(request.url);
    url.pathname = url.pathname.replace(/^\/api(?=\/)/, apiPrefix);
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    return new Request(url, {
      method: request.method,
      headers: request.headers,
      body,
      credentials: 'same-origin',
    });
  },
};

export const api = createClient<paths>({
  baseUrl: `${apiBase.origin}${prefixRoot ?? ''}`,
  credentials: 'same-origin',
});
api.use(prefixAndCsrf);

/** The URL of an API path (for links, the OAuth redirect and event streams). */
export function apiUrl(path: string): string {
  return `${apiBase.origin}${path.replace(/^\/api(?=\/)/, apiPrefix)}`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as { error?: unknown } | null)?.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * The data of an openapi-fetch answer, or an ApiError carrying the API's error body. Every page goes
 * through this, so 401 / 403 / 429 / 503 are handled in one place (see ErrorNotice).
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const retry = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  if (isErrorBody(error)) {
    throw new ApiError(
      response.status,
      error.error.code,
      error.error.message,
      error.error.field ?? undefined,
      retryAfter,
    );
  }
  throw new ApiError(
    response.status,
    'http_error',
    `${response.status} ${response.statusText}`,
    undefined,
    retryAfter,
  );
}
