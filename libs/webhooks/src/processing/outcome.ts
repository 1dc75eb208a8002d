import type { GitHubWebhookEvent } from '#libs/db';

export interface EventOutcome {
  status: 'processed' | 'ignored';
  result: Record<string, unknown>;
}

export interface WebhookEventContext {
  event: GitHubWebhookEvent;
  payload: Record<string, unknown>;
}

/** One processor per GitHub event type (`X-GitHub-Event`). */
export interface WebhookEventProcessor {
  handle(context: WebhookEventContext): Promise<EventOutcome>;
}

export function processed(result: Record<string, unknown>): EventOutcome {
  return { status: 'processed', result };
}

export function ignored(reason: string, extra: Record<string, unknown> = {}): EventOutcome {
  return { status: 'ignored', result: { reason, ...extra } };
}
