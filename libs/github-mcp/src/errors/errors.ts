export type GitHubMcpErrorKind =
  'not_found' | 'unauthorized' | 'rate_limited' | 'transient' | 'invalid_request' | 'protocol' | 'unknown';

/** Why a transient failure happened; `timeout` is the per-call `timeoutMs` running out. */
export type TransientReason = 'network' | 'timeout' | 'connection_closed' | 'http' | 'upstream';

export interface GitHubMcpErrorDetails {
  tool: string;
  method?: string;
  /** HTTP status: of the MCP endpoint, or the GitHub status quoted in the tool error. */
  status?: number;
  /** JSON-RPC error code when the server answered with a protocol-level error (the real server uses 0). */
  rpcCode?: number;
  cause?: unknown;
}

/** Base of every error the GitHub MCP client throws. The message never contains the access token. */
export abstract class GitHubMcpError extends Error {
  abstract readonly kind: GitHubMcpErrorKind;
  readonly tool: string;
  readonly method?: string;
  readonly status?: number;
  readonly rpcCode?: number;

  constructor(message: string, details: GitHubMcpErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.tool = details.tool;
    this.method = details.method;
    this.status = details.status;
    this.rpcCode = details.rpcCode;
  }
}

/** The repository, issue, comment or label does not exist (GitHub 404/410, "Could not resolve to …"). */
export class McpNotFoundError extends GitHubMcpError {
  readonly kind = 'not_found';
}

/** Bad or expired token, missing scopes, or access refused (GitHub 401/403, endpoint 401/403). */
export class McpUnauthorizedError extends GitHubMcpError {
  readonly kind = 'unauthorized';
}

export interface RateLimitInfo {
  /** When the limit resets, when the server said so (absent for "Wait before retrying." and GraphQL wording). */
  resetAt?: Date;
  /** Milliseconds from the time of the answer until the reset (0 when it already reset). */
  retryAfterMs?: number;
  /** Secondary ("abuse") limit rather than the primary hourly quota. */
  secondary: boolean;
}

/** GitHub primary or secondary rate limit. Never retried by the client; the job layer waits for `resetAt`. */
export class McpRateLimitError extends GitHubMcpError {
  readonly kind = 'rate_limited';
  readonly resetAt?: Date;
  readonly retryAfterMs?: number;
  readonly secondary: boolean;

  constructor(message: string, details: GitHubMcpErrorDetails, info: RateLimitInfo) {
    super(message, details);
    this.resetAt = info.resetAt;
    this.retryAfterMs = info.retryAfterMs;
    this.secondary = info.secondary;
  }

  /**
   * When to try again: GitHub's reset time, else now + its Retry-After, else now + `fallbackMs` (GraphQL
   * limits and "Wait before retrying." carry no time). Every waiter on a rate limit asks this.
   */
  retryAt(now: number, fallbackMs: number): Date {
    return this.resetAt ?? new Date(now + (this.retryAfterMs ?? fallbackMs));
  }
}

/** Network failure, dropped connection, timeout, HTTP 5xx, or a 5xx GitHub answer inside a tool error. */
export class McpTransientError extends GitHubMcpError {
  readonly kind = 'transient';
  readonly reason: TransientReason;
  /** True when the request certainly never reached the server (so even a non-idempotent write may be resent). */
  readonly notDelivered: boolean;

  constructor(
    message: string,
    details: GitHubMcpErrorDetails,
    transient: { reason: TransientReason; notDelivered: boolean },
  ) {
    super(message, details);
    this.reason = transient.reason;
    this.notDelivered = transient.notDelivered;
  }
}

/** The request itself is wrong: parameter validation, 422 Validation Failed, unknown tool or method. */
export class McpInvalidRequestError extends GitHubMcpError {
  readonly kind = 'invalid_request';
}

/** The server answered something this client cannot use: non-JSON text, a result of the wrong shape, … */
export class McpProtocolError extends GitHubMcpError {
  readonly kind = 'protocol';
}

/** A failure the classifier does not recognise. Not retried by the client. */
export class McpUnknownError extends GitHubMcpError {
  readonly kind = 'unknown';
}
