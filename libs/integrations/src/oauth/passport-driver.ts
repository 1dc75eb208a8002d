import type { IncomingHttpHeaders } from 'node:http';
import type { Strategy } from 'passport';

/** What passport's OAuth strategies read of an HTTP request (the API's fastify request has it). */
export interface OAuthRequest {
  query: unknown;
  headers: IncomingHttpHeaders;
  url: string;
}

/** What a passport strategy decided for one request. */
export type StrategyOutcome =
  | { kind: 'redirect'; url: string }
  | { kind: 'success'; user: unknown; info: unknown }
  | { kind: 'fail'; challenge: unknown; status: number | undefined }
  | { kind: 'error'; error: unknown };

interface StrategyActions {
  redirect(url: string, status?: number): void;
  success(user: unknown, info?: unknown): void;
  fail(challenge?: unknown, status?: number): void;
  error(error: unknown): void;
  pass(): void;
  authenticate(request: unknown, options?: unknown): void;
}

/**
 * Runs a passport strategy on a request the way `passport.authenticate` does (a per-request object
 * inheriting from the strategy, with success/fail/redirect/error actions), without passport's global
 * strategy registry or sessions, and returns what the strategy decided.
 */
export function runStrategy(
  strategy: Strategy,
  request: unknown,
  options: object = {},
): Promise<StrategyOutcome> {
  return new Promise((resolve) => {
    const run = Object.create(strategy) as StrategyActions;
    run.redirect = (url) => resolve({ kind: 'redirect', url });
    run.success = (user, info) => resolve({ kind: 'success', user, info });
    run.fail = (challenge, status) => resolve({ kind: 'fail', challenge, status });
    run.error = (error) => resolve({ kind: 'error', error });
    run.pass = () => resolve({ kind: 'fail', challenge: 'pass', status: undefined });
    try {
      run.authenticate(request, options);
    } catch (error) {
      resolve({ kind: 'error', error });
    }
  });
}
