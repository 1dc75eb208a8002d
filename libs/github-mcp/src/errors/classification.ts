import type { GitHubMcpErrorKind, TransientReason } from './errors.js';

/** What a failure means, independent of the channel it arrived on. Built by the pure classifiers. */
export interface ErrorClassification {
  kind: GitHubMcpErrorKind;
  /** GitHub status quoted in the message, or the MCP endpoint's HTTP status. */
  status?: number;
  retryAfterMs?: number;
  resetAt?: Date;
  secondary?: boolean;
  transientReason?: TransientReason;
  /** Only for transient failures: the request certainly never reached the server. */
  notDelivered?: boolean;
}
