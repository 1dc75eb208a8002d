import type { ErrorClassification } from './classification.js';
import {
  type GitHubMcpError,
  type GitHubMcpErrorDetails,
  McpInvalidRequestError,
  McpNotFoundError,
  McpProtocolError,
  McpRateLimitError,
  McpTransientError,
  McpUnauthorizedError,
  McpUnknownError,
} from './errors.js';

export interface ErrorOrigin {
  tool: string;
  method?: string;
  rpcCode?: number;
  cause?: unknown;
}

/** Builds the typed error for a classification. `message` must already be free of secrets. */
export function createGitHubMcpError(
  classification: ErrorClassification,
  message: string,
  origin: ErrorOrigin,
): GitHubMcpError {
  const details: GitHubMcpErrorDetails = { ...origin, status: classification.status };
  switch (classification.kind) {
    case 'not_found':
      return new McpNotFoundError(message, details);
    case 'unauthorized':
      return new McpUnauthorizedError(message, details);
    case 'rate_limited':
      return new McpRateLimitError(message, details, {
        resetAt: classification.resetAt,
        retryAfterMs: classification.retryAfterMs,
        secondary: classification.secondary ?? false,
      });
    case 'transient':
      return new McpTransientError(message, details, {
        reason: classification.transientReason ?? 'network',
        notDelivered: classification.notDelivered ?? false,
      });
    case 'invalid_request':
      return new McpInvalidRequestError(message, details);
    case 'protocol':
      return new McpProtocolError(message, details);
    case 'unknown':
      return new McpUnknownError(message, details);
  }
}

/** Replaces every occurrence of each secret so a token can never leak through an error message. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length > 0) result = result.split(secret).join('[REDACTED]');
  }
  return result;
}
