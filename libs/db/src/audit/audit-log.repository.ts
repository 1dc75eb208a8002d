import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { AuditLog, Prisma } from '../prisma-types.js';
import { type AuditEntry, auditRow } from './audit-rows.js';

export type { AuditEntry } from './audit-rows.js';

export type AuditLogWithActor = AuditLog & { actorEmail: string | null };

/** Append-only record of admin actions and credential changes. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  record(entry: AuditEntry): Promise<AuditLog> {
    return this.prisma.auditLog.create({ data: auditRow(entry) });
  }

  /** Newest first, with the actor's email when the actor is a user. */
  async list(
    workspaceId: string,
    page: number,
    perPage: number,
    action?: string,
  ): Promise<{ items: AuditLogWithActor[]; total: number }> {
    const where: Prisma.AuditLogWhereInput = { workspaceId, ...(action ? { action } : {}) };
    const [rows, total] = await Promise.all([
      this.prisma.auditLog.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * perPage,
        take: perPage,
      }),
      this.prisma.auditLog.count({ where }),
    ]);
    const ids = [...new Set(rows.map((r) => r.actorUserId).filter((id): id is string => !!id))];
    const users = ids.length
      ? await this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } })
      : [];
    const emails = new Map(users.map((u) => [u.id, u.email]));
    const items = rows.map((r) => ({
      ...r,
      actorEmail: r.actorUserId ? (emails.get(r.actorUserId) ?? null) : null,
    }));
    return { items, total };
  }
}
