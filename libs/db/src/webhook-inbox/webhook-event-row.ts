import type { GitHubWebhookEvent } from '../../../../prisma/generated/client/client.js';
import { Prisma, type WebhookEventStatus } from '../prisma-types.js';

/** github_webhook_events as raw SQL returns it; the payload comes as text and is parsed once, here. */
export interface RawEventRow {
  id: string;
  delivery_id: string;
  event_type: string;
  action: string | null;
  status: WebhookEventStatus;
  payload_text: string;
  result: Prisma.JsonValue | null;
  error_message: string | null;
  retry_count: number;
  workspace_integration_id: string | null;
  installation_id: string | null;
  repository_github_id: string | null;
  replay_integration_id: string | null;
  body_digest: string | null;
  queued_at: Date | null;
  processed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const EVENT_COLUMNS = Prisma.sql`id::text AS id, delivery_id, event_type, action, status::text AS status,
  payload::text AS payload_text, result, error_message, retry_count,
  workspace_integration_id::text AS workspace_integration_id, installation_id::text AS installation_id,
  repository_github_id::text AS repository_github_id,
  replay_integration_id::text AS replay_integration_id, body_digest, queued_at, processed_at, created_at, updated_at`;

export function toEvent(row: RawEventRow): GitHubWebhookEvent {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    eventType: row.event_type,
    action: row.action,
    status: row.status,
    payload: JSON.parse(row.payload_text) as Prisma.JsonValue,
    result: row.result,
    errorMessage: row.error_message,
    retryCount: row.retry_count,
    workspaceIntegrationId: row.workspace_integration_id,
    installationId: row.installation_id === null ? null : BigInt(row.installation_id),
    repositoryGithubId: row.repository_github_id === null ? null : BigInt(row.repository_github_id),
    replayIntegrationId: row.replay_integration_id,
    bodyDigest: row.body_digest,
    queuedAt: row.queued_at,
    processedAt: row.processed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
