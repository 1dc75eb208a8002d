/**
 * The failures of the GitHub APIs behind the tools, and their string forms as go-github,
 * shurcooL/graphql and github-mcp-server `pkg/errors` print them.
 */
import type { ValidationDetail } from '../store/errors.js';
import { sanitize } from '../sanitize/index.js';
import { goDuration, goQuote, goRateReset } from '../util/go-format.js';

export const API_BASE = 'https://api.github.com';

export interface RestFailure {
  kind: 'rest';
  method: string;
  url: string;
  status: number;
  message: string;
  details?: ValidationDetail[];
  /** Set for a primary rate limit (go-github `RateLimitError`): seconds until the reset. */
  rateLimitResetIn?: number;
}

export interface GraphqlFailure {
  kind: 'graphql';
  message: string;
}

export interface GraphqlHttpFailure {
  kind: 'graphql_http';
  status: number;
  statusText: string;
  body: string;
}

export type UpstreamFailure = RestFailure | GraphqlFailure | GraphqlHttpFailure;

export function restFailure(
  method: string,
  path: string,
  status: number,
  message: string,
  details?: ValidationDetail[],
): RestFailure {
  return { kind: 'rest', method, url: API_BASE + path, status, message, details };
}

function formatDetails(details: ValidationDetail[] | undefined): string {
  if (!details || details.length === 0) return '[]';
  const items = details.map(
    (d) => `{Resource:${d.resource} Field:${d.field} Code:${d.code} Message:${d.message ?? ''}}`,
  );
  return `[${items.join(' ')}]`;
}

/** go-github `ErrorResponse.Error()` / `RateLimitError.Error()`. */
export function restErrorString(f: RestFailure): string {
  const head = `${f.method} ${f.url}: ${f.status} ${f.message}`;
  if (f.rateLimitResetIn !== undefined) return `${head} ${goRateReset(f.rateLimitResetIn)}`;
  return `${head} ${formatDetails(f.details)}`;
}

function validationText(value: string): string {
  return sanitize(value).replaceAll('&#39;', "'").split(/\s+/).filter(Boolean).join(' ');
}

/** `formatGitHubValidationError` for a 422: summary and one `resource.field (code): message` per line. */
function validationString(f: RestFailure): string {
  const parts: string[] = [];
  const summary = validationText(f.message);
  if (summary) parts.push(summary);
  for (const d of f.details ?? []) {
    let location = [validationText(d.resource), validationText(d.field)].join('.').replace(/^\.+|\.+$/g, '');
    const code = validationText(d.code);
    const message = validationText(d.message ?? '');
    if (location !== '' && code !== '') location += ` (${code})`;
    else if (location === '') location = code;
    if (location !== '' && message !== '') parts.push(`${location}: ${message}`);
    else if (message !== '') parts.push(message);
    else if (location !== '') parts.push(location);
  }
  return parts.length > 0 ? parts.join('\n') : 'GitHub API validation failed';
}

/** github-mcp-server `NewGitHubAPIErrorResponse` text for a REST failure. */
export function friendlyRestMessage(prefix: string, f: RestFailure): string {
  if (f.rateLimitResetIn !== undefined) {
    return f.rateLimitResetIn >= 1
      ? `${prefix}: GitHub API rate limit exceeded. Retry after ${goDuration(f.rateLimitResetIn)}.`
      : `${prefix}: GitHub API rate limit exceeded. Wait before retrying.`;
  }
  if (f.status === 422) return `${prefix}: ${validationString(f)}`;
  return `${prefix}: ${restErrorString(f)}`;
}

/** shurcooL/graphql error text: the first GraphQL error message, or the non-200 HTTP status. */
export function graphqlErrorString(f: GraphqlFailure | GraphqlHttpFailure): string {
  if (f.kind === 'graphql') return f.message;
  return `non-200 OK status code: ${f.status} ${f.statusText} body: ${goQuote(f.body)}`;
}

export function isRest(f: UpstreamFailure): f is RestFailure {
  return f.kind === 'rest';
}
