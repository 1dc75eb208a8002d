import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { GitHubWebhookEvent } from '../../../../prisma/generated/client/client.js';
import { rethrowRefusedInput } from '../db-errors.js';
import { PrismaService } from '../prisma.service.js';
import { Prisma } from '../prisma-types.js';
import { EVENT_COLUMNS, type RawEventRow, toEvent } from './webhook-event-row.js';
import type {
  ClaimedWebhookEvent,
  NewWebhookEvent,
  WebhookEventListQuery,
  WebhookEventScope,
} from './webhook-event.types.js';

export * from './webhook-event.types.js';

/** Insert batches of up to this many deliveries get a prepared statement of their own on each connection. */
const PREPARED_INSERT_SIZES = 16;

/**
 * github_webhook_events: the durable inbox. A row is committed before the delivery is acknowledged;
 * BullMQ only carries its delivery id. Status moves received → queued → processing → processed | failed | ignored.
 */
@Injectable()
export class WebhookEventRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Inserts received deliveries in one statement (one commit for a batch of concurrent requests) and
   * returns the delivery ids that were new; ids or body digests already known (redeliveries) are left
   * untouched. A payload
   * the database refuses (jsonb: unpaired surrogate escape, a number beyond numeric…) fails the statement
   * with ValidationError naming `body` (a batch of one: that delivery's 400); unreachable → UnavailableError.
   */
  async insertReceived(events: NewWebhookEvent[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    // One VALUES row per event: each payload is its own parameter, sent as it is (an array parameter would
    // be escaped character by character by the driver and parsed back by the server).
    const rows = events.map(
      (e) => Prisma.sql`(${randomUUID()}::uuid, ${e.deliveryId}, ${e.eventType}, ${e.action}, 'received',
        ${e.payloadJson}::jsonb, ${e.installationId}::bigint, ${e.repositoryGithubId}::bigint,
        ${e.workspaceIntegrationId}::uuid, ${e.bodyDigest ?? null}, now(), now())`,
    );
    try {
      const inserted = await this.prisma.sql<{ delivery_id: string }>(
        Prisma.sql`
        INSERT INTO github_webhook_events (id, delivery_id, event_type, action, status, payload, installation_id,
                                           repository_github_id, workspace_integration_id, body_digest, created_at,
                                           updated_at)
        VALUES ${Prisma.join(rows)}
        ON CONFLICT DO NOTHING
        RETURNING delivery_id`,
        // Prepared per batch size, for the sizes that come up all the time; a rare big batch is parsed once.
        events.length <= PREPARED_INSERT_SIZES ? `webhook_events_insert_${events.length}` : undefined,
      );
      return new Set(inserted.map((r) => r.delivery_id));
    } catch (error) {
      return rethrowRefusedInput(error, 'body');
    }
  }

  findByDeliveryId(deliveryId: string): Promise<GitHubWebhookEvent | null> {
    return this.prisma.gitHubWebhookEvent.findUnique({ where: { deliveryId } });
  }

  /**
   * received → queued, and the enqueue time. Only rows still received change status: a worker may already
   * be processing (or have finished) one, and then only its missing queued_at is filled in.
   */
  async markQueued(deliveryIds: string[]): Promise<number> {
    if (deliveryIds.length === 0) return 0;
    return this.prisma.sqlCount(
      Prisma.sql`
      WITH locked AS MATERIALIZED (${lockedInOrder(deliveryIds)})
      UPDATE github_webhook_events AS e
      SET status = CASE WHEN e.status = 'received' THEN 'queued'::"WebhookEventStatus" ELSE e.status END,
          queued_at = COALESCE(e.queued_at, now()), updated_at = now()
      FROM locked
      WHERE e.id = locked.locked_id AND (e.status = 'received' OR e.queued_at IS NULL)`,
      'webhook_events_mark_queued',
    );
  }

  /** Oldest committed-but-unqueued deliveries; `olderThanMs` leaves the ones a request is still enqueuing. */
  async findUnqueued(limit: number, olderThanMs: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ delivery_id: string }[]>`
      SELECT delivery_id FROM github_webhook_events
      WHERE status = 'received' AND created_at <= now() - make_interval(secs => ${olderThanMs / 1000}::float8)
      ORDER BY created_at LIMIT ${limit}`;
    return rows.map((r) => r.delivery_id);
  }

  /** Deliveries queued or processing for a while (their job may have been lost with Redis' data). */
  async findStuck(limit: number, olderThanMs: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ delivery_id: string }[]>`
      SELECT delivery_id FROM github_webhook_events
      WHERE status IN ('queued', 'processing')
        AND updated_at <= now() - make_interval(secs => ${olderThanMs / 1000}::float8)
      ORDER BY updated_at LIMIT ${limit}`;
    return rows.map((r) => r.delivery_id);
  }

  /**
   * Starts the attempts of a batch of deliveries in one round trip: unsettled events (received, queued,
   * processing) become processing and come back with `claimed: true`; settled ones as they are
   * (`claimed: false`, one more read, only when there are any); unknown delivery ids are absent.
   * (Raw SQL: this runs for every delivery, and the model API costs a multiple in CPU for the JSON payload.)
   */
  async claimMany(
    items: { deliveryId: string; failedAttempts: number }[],
  ): Promise<Map<string, ClaimedWebhookEvent>> {
    const claims = new Map<string, ClaimedWebhookEvent>();
    const ids = items.map((i) => i.deliveryId);
    if (ids.length === 0) return claims;
    const rows = await this.prisma.sql<RawEventRow>(
      Prisma.sql`
      WITH locked AS MATERIALIZED (${lockedInOrder(ids)})
      UPDATE github_webhook_events AS e SET status = 'processing', retry_count = u.failed, updated_at = now()
      FROM locked, unnest(${ids}::text[], ${items.map((i) => i.failedAttempts)}::int[]) AS u(did, failed)
      WHERE e.id = locked.locked_id AND e.delivery_id = u.did AND e.status IN ('received', 'queued', 'processing')
      RETURNING ${EVENT_COLUMNS}`,
      'webhook_events_claim',
    );
    for (const row of rows) claims.set(row.delivery_id, { event: toEvent(row), claimed: true });
    const settled = ids.filter((id) => !claims.has(id));
    if (settled.length > 0) {
      const others = await this.prisma.sql<RawEventRow>(Prisma.sql`
        SELECT ${EVENT_COLUMNS} FROM github_webhook_events WHERE delivery_id = ANY(${settled}::text[])`);
      for (const row of others) claims.set(row.delivery_id, { event: toEvent(row), claimed: false });
    }
    return claims;
  }

  /** Settles a batch of events (processed or ignored, with their results) in one statement. */
  async finishMany(
    outcomes: { deliveryId: string; status: 'processed' | 'ignored'; result: Record<string, unknown> }[],
  ): Promise<void> {
    if (outcomes.length === 0) return;
    const ids = outcomes.map((o) => o.deliveryId);
    await this.prisma.sqlCount(
      Prisma.sql`
      WITH locked AS MATERIALIZED (${lockedInOrder(ids)})
      UPDATE github_webhook_events AS e
      SET status = u.status::"WebhookEventStatus", result = u.result::jsonb, error_message = NULL,
          processed_at = now(), updated_at = now()
      FROM locked, unnest(${ids}::text[], ${outcomes.map((o) => o.status)}::text[],
                          ${outcomes.map((o) => JSON.stringify(o.result))}::text[]) AS u(did, status, result)
      WHERE e.id = locked.locked_id AND e.delivery_id = u.did`,
      'webhook_events_finish',
    );
  }

  /** Records a failed attempt: back to queued while BullMQ retries, failed when none is left. */
  async recordFailure(deliveryId: string, message: string, failedAttempts: number, final: boolean) {
    await this.prisma.$executeRaw`
      UPDATE github_webhook_events
      SET status = ${final ? 'failed' : 'queued'}::"WebhookEventStatus", error_message = ${message.slice(0, 2000)},
          retry_count = ${failedAttempts}, processed_at = CASE WHEN ${final} THEN now() ELSE processed_at END,
          updated_at = now()
      WHERE delivery_id = ${deliveryId}`;
  }

  /** Puts a settled event back to received for a replay by `integrationId` (false: still in flight). */
  async resetForReplay(deliveryId: string, integrationId: string): Promise<boolean> {
    const count = await this.prisma.$executeRaw`
      UPDATE github_webhook_events
      SET status = 'received', result = NULL, error_message = NULL, retry_count = 0, processed_at = NULL,
          queued_at = NULL, replay_integration_id = ${integrationId}::uuid, updated_at = now()
      WHERE delivery_id = ${deliveryId} AND status IN ('processed', 'ignored', 'failed')`;
    return count > 0;
  }

  /** Events of an integration: routed to it, or about its repositories or its installation. */
  async listForScope(scope: WebhookEventScope, query: WebhookEventListQuery) {
    const where = this.scopeWhere(scope, query);
    const [items, total] = await Promise.all([
      this.prisma.$queryRaw<{ id: string }[]>`
        SELECT e.id::text AS id FROM github_webhook_events e WHERE ${where}
        ORDER BY e.created_at DESC, e.id DESC
        LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`,
      this.prisma.$queryRaw<
        { n: bigint }[]
      >`SELECT count(*) AS n FROM github_webhook_events e WHERE ${where}`,
    ]);
    const rows = await this.prisma.gitHubWebhookEvent.findMany({
      where: { id: { in: items.map((i) => i.id) } },
      omit: { payload: true },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return { items: rows, total: Number(total[0]?.n ?? 0) };
  }

  async findForScope(scope: WebhookEventScope, deliveryId: string): Promise<GitHubWebhookEvent | null> {
    const where = this.scopeWhere(scope, {});
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT e.id::text AS id FROM github_webhook_events e WHERE e.delivery_id = ${deliveryId} AND ${where}`;
    const id = rows[0]?.id;
    return id ? this.prisma.gitHubWebhookEvent.findUnique({ where: { id } }) : null;
  }

  /**
   * An event belongs to an integration when it was verified with its secret, or — verified with a
   * deployment-wide secret — when it is about one of its repositories or its GitHub App installation.
   */
  private scopeWhere(scope: WebhookEventScope, query: Partial<WebhookEventListQuery>) {
    const conditions = [
      Prisma.sql`(e.workspace_integration_id = ${scope.integrationId}::uuid OR (e.workspace_integration_id IS NULL AND (
        e.repository_github_id IN (SELECT github_id FROM github_repositories WHERE workspace_integration_id = ${scope.integrationId}::uuid)
        ${scope.installationId !== null ? Prisma.sql`OR e.installation_id = ${scope.installationId}::bigint` : Prisma.empty})))`,
    ];
    if (query.status) conditions.push(Prisma.sql`e.status = ${query.status}::"WebhookEventStatus"`);
    if (query.eventType) conditions.push(Prisma.sql`e.event_type = ${query.eventType}`);
    return Prisma.join(conditions, ' AND ');
  }
}

/**
 * The rows of these deliveries, locked in delivery id order. Every multi-row update of the table takes its
 * locks through this, so two of them over the same rows (a worker's claim or finish, the API marking rows
 * queued) wait for each other instead of deadlocking.
 */
function lockedInOrder(deliveryIds: string[]): Prisma.Sql {
  return Prisma.sql`SELECT id AS locked_id FROM github_webhook_events
    WHERE delivery_id = ANY(${deliveryIds}::text[]) ORDER BY delivery_id FOR UPDATE`;
}
