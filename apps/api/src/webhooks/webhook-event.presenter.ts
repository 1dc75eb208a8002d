import type { GitHubWebhookEvent } from '#libs/db';
import type { WebhookEventDetailView, WebhookEventView } from '../docs/responses/webhook-events.js';

/** A stored delivery as the API shows it (no headers or secrets are stored, so none can leak). */
export function presentWebhookEvent(event: Omit<GitHubWebhookEvent, 'payload'>): WebhookEventView {
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
  };
}

/** One delivery with its payload. */
export function presentWebhookEventDetail(event: GitHubWebhookEvent): WebhookEventDetailView {
  return { ...presentWebhookEvent(event), payload: event.payload };
}
