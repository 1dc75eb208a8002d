import type { AuditNote } from '../auth/audit-note.js';

/** The audit note of a change to the workspace's GitHub connection: the integration is its target. */
export function integrationAuditNote(
  integration: { id: string },
  details: Record<string, unknown>,
): AuditNote {
  return { integrationId: integration.id, targetType: 'integration', targetId: integration.id, details };
}
