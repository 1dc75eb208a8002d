import { z } from 'zod';
import { dateTime, json, page } from './common.js';

/** One admin action or credential change. */
export const auditLogEntrySchema = z
  .object({
    id: z.string().uuid(),
    action: z.string().meta({ example: 'repository.connect' }),
    actor_user_id: z.string().uuid().nullable(),
    actor_email: z.string().nullable(),
    actor_token_id: z.string().uuid().nullable(),
    integration_id: z.string().uuid().nullable(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    ip_address: z.string().nullable(),
    user_agent: z.string().nullable(),
    details: json('what changed (JSON object)'),
    created_at: dateTime(),
  })
  .meta({ id: 'AuditLogEntry' });
export type AuditLogEntryView = z.output<typeof auditLogEntrySchema>;

/** GET audit-logs, newest first. */
export const auditLogPageSchema = page(auditLogEntrySchema, 'AuditLogPage', 'Audit log of the workspace');
