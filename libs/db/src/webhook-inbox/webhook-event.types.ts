import type { GitHubWebhookEvent } from '../../../../prisma/generated/client/client.js';
import type { WebhookEventStatus } from '../prisma-types.js';

export type { GitHubWebhookEvent };

export interface NewWebhookEvent {
  deliveryId: string;
  eventType: string;
  action: string | null;
  /** The delivery's JSON text, stored as JSONB. */
  payloadJson: string;
  installationId: bigint | null;
  repositoryGithubId: bigint | null;
  /** Set when the delivery was verified with that integration's own secret (its scope is then that integration). */
  workspaceIntegrationId: string | null;
  /**
   * The signed body's SHA-256, prefixed by its scope (github_webhook_events.body_digest, unique): a body
   * already stored under another delivery id is not inserted again (a redelivery).
   */
  bodyDigest?: string | null;
}

export interface ClaimedWebhookEvent {
  event: GitHubWebhookEvent;
  /** False when the event had settled already (a duplicate job): it is returned as it is. */
  claimed: boolean;
}

export interface WebhookEventScope {
  integrationId: string;
  installationId: bigint | null;
}

export interface WebhookEventListQuery {
  status?: WebhookEventStatus | undefined;
  eventType?: string | undefined;
  page: number;
  perPage: number;
}

/** Statuses after which a delivery is not processed again unless replayed. */
export const SETTLED_WEBHOOK_STATUSES: readonly WebhookEventStatus[] = ['processed', 'ignored', 'failed'];
