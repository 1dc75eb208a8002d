import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import { Prisma } from '../prisma-types.js';
import type { WebhookEventScope } from './webhook-event.repository.js';

export interface WebhookStats {
  lastReceivedAt: Date | null;
  processed: number;
  failed: number;
}

export interface RepositoryDelivery {
  repositorySyncId: string;
  fullName: string;
  lastDeliveryAt: Date | null;
}

/** Webhook delivery figures of an integration for the console overview (same scope as the event list). */
@Injectable()
export class WebhookStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest delivery, and deliveries since `since` that ended processed / failed. */
  async stats(scope: WebhookEventScope, since: Date): Promise<WebhookStats> {
    const rows = await this.prisma.$queryRaw<{ last: Date | null; processed: bigint; failed: bigint }[]>`
      SELECT max(e.created_at) AS last,
        count(*) FILTER (WHERE e.status = 'processed' AND e.created_at >= ${since}) AS processed,
        count(*) FILTER (WHERE e.status = 'failed' AND e.created_at >= ${since}) AS failed
      FROM github_webhook_events e WHERE ${scopeSql(scope)}`;
    const row = rows[0];
    return {
      lastReceivedAt: row?.last ?? null,
      processed: Number(row?.processed ?? 0),
      failed: Number(row?.failed ?? 0),
    };
  }

  /** Each connected repository of the integration with its newest delivery (null: never one). */
  async lastDeliveryPerRepository(integrationId: string): Promise<RepositoryDelivery[]> {
    const rows = await this.prisma.$queryRaw<{ id: string; full_name: string; last: Date | null }[]>`
      SELECT s.id::text AS id, r.owner || '/' || r.name AS full_name,
        (SELECT max(e.created_at) FROM github_webhook_events e
          WHERE e.repository_github_id = r.github_id
            AND (e.workspace_integration_id = ${integrationId}::uuid OR e.workspace_integration_id IS NULL)) AS last
      FROM github_repository_syncs s JOIN github_repositories r ON r.id = s.repository_id
      WHERE s.workspace_integration_id = ${integrationId}::uuid
      ORDER BY s.created_at`;
    return rows.map((r) => ({ repositorySyncId: r.id, fullName: r.full_name, lastDeliveryAt: r.last }));
  }
}

function scopeSql(scope: WebhookEventScope): Prisma.Sql {
  return Prisma.sql`(e.workspace_integration_id = ${scope.integrationId}::uuid OR (e.workspace_integration_id IS NULL AND (
    e.repository_github_id IN (SELECT github_id FROM github_repositories WHERE workspace_integration_id = ${scope.integrationId}::uuid)
    ${scope.installationId !== null ? Prisma.sql`OR e.installation_id = ${scope.installationId}::bigint` : Prisma.empty})))`;
}
