import { DelayedError, RateLimitError, WaitingChildrenError } from 'bullmq';

/** BullMQ control-flow errors (job moved to delayed, …) that handlers must let through untouched. */
export function isJobControlSignal(error: unknown): boolean {
  return (
    error instanceof DelayedError || error instanceof RateLimitError || error instanceof WaitingChildrenError
  );
}
