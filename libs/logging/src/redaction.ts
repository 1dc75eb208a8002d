/** What every log line hides: credentials in keys, values and URLs. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values are secrets wherever they appear (any depth, any case, snake or camel case):
 * `authorization`, `cookie`/`set-cookie`, `password`, `*_secret`/`clientSecret`, `*token`
 * (`access_token`, `api_token`, …), `private_key`, `api_key`, `encryption_key`.
 */
const SECRET_KEY =
  /(authorization|cookie|password|passphrase|secret|token|private[_-]?key|api[_-]?key|encryption[_-]?key)$/i;

/** Values that look like credentials even under an innocent key (or inside a message). */
const SECRET_VALUES: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/\b(gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|gms_[A-Za-z0-9_-]{16,})/g, REDACTED],
];

/** Query parameters removed from logged URLs (`?token=` is the queue dashboard's login link). */
const SECRET_QUERY = /([?&](?:token|access_token|code|state|client_secret|api_key)=)[^&#]*/gi;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_VALUES) out = out.replace(pattern, replacement);
  return out;
}

export function redactUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : redactText(url.replace(SECRET_QUERY, `$1${REDACTED}`));
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with secret keys censored and credential-looking strings scrubbed. Only plain
 * objects and arrays are walked: class instances (requests, responses, errors) are left to pino's
 * serializers, and messages of the MCP client never carry the token.
 */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      isSecretKey(key) && item !== undefined && item !== null ? REDACTED : redactDeep(item, depth + 1);
  }
  return out;
}
