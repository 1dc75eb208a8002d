import type { AuditLogWithActor } from '#libs/db';
import type { AuditLogEntryView } from '../docs/responses/audit.js';

/** One audit log entry as the API shows it (snake_case). */
export function presentAuditLog(log: AuditLogWithActor): AuditLogEntryView {
  return {
    id: log.id,
    action: log.action,
    actor_user_id: log.actorUserId,
    actor_email: log.actorEmail,
    actor_token_id: log.actorTokenId,
    integration_id: log.integrationId,
    target_type: log.targetType,
    target_id: log.targetId,
    ip_address: log.ipAddress,
    user_agent: log.userAgent,
    details: log.details,
    created_at: log.createdAt,
  };
}
