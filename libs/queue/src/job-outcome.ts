import type { JobContext } from './job-registry.js';
import { PermanentJobError } from './job-registry.js';
import { isJobControlSignal } from './job-signals.js';

/**
 * What a failed attempt of a job leads to — the one decision every handler makes the same way:
 * - `retry`: rethrown; BullMQ tries again with the job's backoff while attempts are left;
 * - `permanent`: retrying cannot fix it (bad credentials, repository gone, bad data): failed now;
 * - `delay`: not a failure (a rate limit, a write budget spent): the job waits until `until` without
 *   using an attempt;
 * - `control`: BullMQ's own control flow (the job was already moved to delayed): let through untouched.
 */
export type JobOutcome =
  | { kind: 'retry' }
  | { kind: 'permanent' }
  | { kind: 'delay'; until: Date; reason: string }
  | { kind: 'control' };

/** What one family of errors leads to (e.g. GitHub's), or undefined when the error is not of that family. */
export type FailureRule = (
  error: unknown,
  now: number,
) => Exclude<JobOutcome, { kind: 'control' }> | undefined;

/** The outcome of `error`: control signals and PermanentJobError first, then `rules` in order, else retry. */
export function classifyFailure(
  error: unknown,
  rules: readonly FailureRule[] = [],
  now = Date.now(),
): JobOutcome {
  if (isJobControlSignal(error)) return { kind: 'control' };
  if (error instanceof PermanentJobError) return { kind: 'permanent' };
  for (const rule of rules) {
    const outcome = rule(error, now);
    if (outcome) return outcome;
  }
  return { kind: 'retry' };
}

/** True when this attempt is the job's last: a permanent failure, or a retry with no attempt left. */
export function isFinalAttempt(
  outcome: JobOutcome,
  context: Pick<JobContext, 'attemptsMade' | 'maxAttempts'>,
) {
  return (
    outcome.kind === 'permanent' ||
    (outcome.kind === 'retry' && context.attemptsMade + 1 >= context.maxAttempts)
  );
}

/**
 * Ends the handler as `outcome` says: waits (context.delayUntil), fails for good (PermanentJobError, the
 * original error as its cause) or rethrows the error for BullMQ's retry.
 */
export async function settleFailure(
  outcome: JobOutcome,
  error: unknown,
  context: JobContext,
): Promise<never> {
  if (outcome.kind === 'delay') return context.delayUntil(outcome.until);
  if (outcome.kind === 'permanent' && !(error instanceof PermanentJobError)) {
    throw new PermanentJobError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  throw error;
}
