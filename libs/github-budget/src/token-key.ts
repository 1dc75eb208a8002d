import { createHash } from 'node:crypto';

/**
 * The identity of a GitHub token for shared budgets (Redis keys, logs): a truncated SHA-256, never the
 * token itself. Two integrations using the same token share one budget, as they do on GitHub.
 */
export function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}
