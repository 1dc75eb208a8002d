import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { GitHubMcpError, type GitHubMcpErrorKind, McpRateLimitError } from '#libs/github-mcp';
import { type FailureRule, type JobOutcome, classifyFailure } from '#libs/queue';
import { SecretUnreadableError } from '#libs/secrets';
import { OutboundDeferred } from './outbound/write-permits.js';

/** GitHub answers that no retry can change: the resource is gone, the token refused, the request invalid. */
const PERMANENT_KINDS: ReadonlySet<GitHubMcpErrorKind> = new Set([
  'not_found',
  'unauthorized',
  'invalid_request',
]);

/**
 * The outcome of a failure of a job that talks to GitHub (sync_repository, sync_issue): one rule for both.
 * A rate limit waits for GitHub's reset time, else its Retry-After, else GITHUB_MCP_RATE_LIMIT_WAIT; a spent
 * write budget waits as long as it says; the permanent GitHub refusals and an unreadable stored token fail at once; the rest is retried.
 */
@Injectable()
export class GitHubJobFailures {
  private readonly rules: readonly FailureRule[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const waitMs = config.sync.rateLimitWaitMs;
    this.rules = [
      (error, now) => {
        if (!(error instanceof McpRateLimitError)) return undefined;
        return {
          kind: 'delay',
          until: error.retryAt(now, waitMs),
          reason: `rate limited by GitHub: ${error.message}`,
        };
      },
      (error, now) =>
        error instanceof OutboundDeferred
          ? { kind: 'delay', until: new Date(now + error.retryAfterMs), reason: error.message }
          : undefined,
      (error) =>
        error instanceof GitHubMcpError && PERMANENT_KINDS.has(error.kind)
          ? { kind: 'permanent' }
          : undefined,
      // A stored token that does not decrypt for its row stays unreadable until GitHub is connected again.
      (error) => (error instanceof SecretUnreadableError ? { kind: 'permanent' } : undefined),
    ];
  }

  classify(error: unknown, now = Date.now()): JobOutcome {
    return classifyFailure(error, this.rules, now);
  }
}
