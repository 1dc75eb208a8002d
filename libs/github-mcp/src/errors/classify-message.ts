import type { ErrorClassification } from './classification.js';
import { isRateLimitMessage, parseRateLimitHint } from './rate-limit.js';

/**
 * Classifies the text of a GitHub MCP tool failure. The same text arrives either as an `isError` result
 * or as a JSON-RPC error message (code 0) depending on the tool, so both channels use
 * this function. Pure: the clock is a parameter.
 */

/** Parameter validation and other wrong-request wordings. */
const INVALID_REQUEST =
  /missing required parameter|parameter \S+ is not (?:of type|a valid number)|unknown method|invalid method|invalid arguments|Validation Failed|exceeds maximum of|cursor-based pagination|invalid ISO 8601 timestamp|field_filters:|duplicate_of (?:can only|must be)|must not be empty|cannot be empty|at least one of|comment_id (?:cannot|can only|must|does not)|reaction must be one of|unknown tool|invalid pagination parameters|is required for|failed to resolve issue_fields|is not a valid option/i;

const NOT_FOUND = /could not resolve to|\bnot found\b/i;

const UNAUTHORIZED =
  /bad credentials|resource not accessible|requires authentication|restricted by lockdown mode|must have (?:admin|push|write)|insufficient_scope|SAML enforcement|\bUnauthorized\b|\bForbidden\b/i;

/** Upstream network trouble quoted by the Go server (net/http and GraphQL client wordings). */
const UPSTREAM_TRANSIENT =
  /connection reset|connection refused|i\/o timeout|context deadline exceeded|Client\.Timeout|TLS handshake timeout|unexpected EOF|:\s*EOF\b|server misbehaving|broken pipe|temporarily unavailable|timed out|something went wrong while executing your query|try again later/i;

/** `GET https://…: 404 Not Found []`, `unexpected status 404: …`, `non-200 OK status code: 401 Unauthorized …`. */
const STATUS_PATTERNS = [
  /unexpected status (\d{3})\b/,
  /non-200 OK status code: (\d{3})\b/,
  /(?:^|: )(\d{3}) [A-Za-z]/m,
];

export function extractGitHubStatus(text: string): number | undefined {
  for (const pattern of STATUS_PATTERNS) {
    const found = pattern.exec(text)?.[1];
    if (found !== undefined) return Number(found);
  }
  return undefined;
}

function classifyStatus(status: number): ErrorClassification | undefined {
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  if (status === 404 || status === 410) return { kind: 'not_found', status };
  if (status === 408) return { kind: 'transient', status, transientReason: 'upstream', notDelivered: false };
  if (status >= 500) return { kind: 'transient', status, transientReason: 'upstream', notDelivered: false };
  if (status >= 400) return { kind: 'invalid_request', status };
  return undefined;
}

export function classifyGitHubMessage(text: string, nowMs: number): ErrorClassification {
  const status = extractGitHubStatus(text);
  const withStatus = (c: ErrorClassification): ErrorClassification =>
    status === undefined || c.status !== undefined ? c : { ...c, status };

  if (INVALID_REQUEST.test(text)) return withStatus({ kind: 'invalid_request' });
  if (isRateLimitMessage(text) || status === 429) {
    const hint = parseRateLimitHint(text, nowMs);
    return withStatus({ kind: 'rate_limited', ...hint });
  }
  const byStatus = status === undefined ? undefined : classifyStatus(status);
  if (byStatus) return byStatus;
  if (NOT_FOUND.test(text)) return { kind: 'not_found' };
  if (UNAUTHORIZED.test(text)) return { kind: 'unauthorized' };
  if (UPSTREAM_TRANSIENT.test(text))
    return { kind: 'transient', transientReason: 'upstream', notDelivered: false };
  return withStatus({ kind: 'unknown' });
}
