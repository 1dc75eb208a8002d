import { hashApiToken } from './api-token.js';

interface WithHeaders {
  headers: Record<string, string | string[] | undefined>;
}

const hashes = new WeakMap<object, string | null>();

/**
 * The SHA-256 (hex) of the request's `Authorization: Bearer <token>`, or null without one. Computed once
 * per request: the rate limits key the token's budget by it and the API token guard looks the token up by
 * it.
 */
export function bearerTokenHash(request: WithHeaders): string | null {
  const known = hashes.get(request);
  if (known !== undefined) return known;
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
  const hash = token ? hashApiToken(token) : null;
  hashes.set(request, hash);
  return hash;
}
