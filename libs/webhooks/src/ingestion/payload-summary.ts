import { ValidationError } from '#libs/common';

export interface PayloadSummary {
  action: string | null;
  installationId: bigint | null;
  repositoryGithubId: bigint | null;
}

/** Parses the delivery body; it must be a JSON object (GitHub never sends anything else). */
export function parseJsonObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`request body is not valid JSON: ${detail}`, 'body', { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ValidationError('request body must be a JSON object', 'body');
  }
  return parsed as Record<string, unknown>;
}

/** The fields stored in columns next to the payload: action, installation id, repository id. */
export function summarize(payload: Record<string, unknown> | undefined): PayloadSummary {
  const action = payload?.['action'];
  return {
    action: typeof action === 'string' ? action.slice(0, 100) : null,
    installationId: idOf(payload?.['installation']),
    repositoryGithubId: idOf(payload?.['repository']),
  };
}

function idOf(value: unknown): bigint | null {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? BigInt(id) : null;
}

/**
 * The JSON text to store as JSONB. Postgres' jsonb cannot hold U+0000 in strings, which GitHub text may
 * contain: such payloads are re-serialised with the character replaced (U+FFFD); all others verbatim.
 */
export function jsonbText(text: string, parsed: Record<string, unknown>): string {
  if (!text.includes('\\u0000')) return text;
  return JSON.stringify(parsed, (_key, value: unknown) =>
    typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD') : value,
  );
}

/** A `\uD800`–`\uDFFF` escape in the text (whether paired or not is decided on the parsed strings). */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
/** With the u flag a well-formed pair is one code point: this matches unpaired surrogates only. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Postgres' jsonb refuses a string holding an unpaired UTF-16 surrogate (`"\ud800"`), which JSON.parse
 * accepts: such a body is a 400 naming the body, before it reaches (and fails) an insert batch. Keys and
 * values are checked, without recursion (the nesting depth is the sender's), and only when the text has a
 * surrogate escape at all.
 */
export function requireStorableStrings(text: string, parsed: Record<string, unknown>): void {
  if (!SURROGATE_ESCAPE.test(text)) return;
  const pending: unknown[] = [parsed];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) {
        throw new ValidationError(
          'request body holds an unpaired UTF-16 surrogate (\\ud800-\\udfff) in a string, which cannot be stored',
          'body',
        );
      }
    } else if (typeof value === 'object' && value !== null) {
      if (Array.isArray(value)) for (const item of value as unknown[]) pending.push(item);
      else for (const [key, inner] of Object.entries(value)) pending.push(key, inner);
    }
  }
}
