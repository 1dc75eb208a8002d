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
