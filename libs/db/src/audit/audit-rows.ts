import type { Prisma } from '../prisma-types.js';

/** One audit log row: who (user, token or integration) did what to which target, with details. */
export interface AuditEntry {
  workspaceId: string;
  action: string;
  actorUserId?: string | null | undefined;
  actorTokenId?: string | null | undefined;
  integrationId?: string | null | undefined;
  targetType?: string | null | undefined;
  targetId?: string | null | undefined;
  ipAddress?: string | null | undefined;
  userAgent?: string | null | undefined;
  details?: Record<string, unknown> | undefined;
}

/** Where audit rows are written: the client, or the transaction of the change they record. */
export type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** The row of an entry: every repository that records an action builds it here. */
export function auditRow(entry: AuditEntry): Prisma.AuditLogCreateManyInput {
  return {
    workspaceId: entry.workspaceId,
    action: entry.action,
    actorUserId: entry.actorUserId ?? null,
    actorTokenId: entry.actorTokenId ?? null,
    integrationId: entry.integrationId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ipAddress: entry.ipAddress ?? null,
    userAgent: entry.userAgent?.slice(0, 512) ?? null,
    details: (entry.details ?? {}) as Prisma.InputJsonObject,
  };
}

/** Appends entries in one statement (inside the caller's transaction when `db` is one). */
export async function appendAudit(db: AuditWriter, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.auditLog.createMany({ data: entries.map(auditRow) });
}
