import type { GitHubWebhookEvent } from '#libs/db';

type EventRow = Omit<GitHubWebhookEvent, 'payload'> & { payload?: unknown };

/** A stored delivery as the API shows it (no headers or secrets are stored, so none can leak). */
export function presentWebhookEvent(event: EventRow, options: { payload?: boolean } = {}) {
  return {
    delivery_id: event.deliveryId,
    event: event.eventType,
    action: event.action,
    status: event.status,
    result: event.result,
    error_message: event.errorMessage,
    retry_count: event.retryCount,
    repository_github_id: event.repositoryGithubId?.toString() ?? null,
    installation_id: event.installationId?.toString() ?? null,
    created_at: event.createdAt,
    queued_at: event.queuedAt,
    processed_at: event.processedAt,
    updated_at: event.updatedAt,
    ...(options.payload ? { payload: event.payload } : {}),
  };
}
