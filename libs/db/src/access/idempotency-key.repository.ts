import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';

/** `response_status` of a key whose first request is still running (under its lease). */
export const IDEMPOTENCY_PENDING = 0;
/** `response_status` of a key whose first request completed but whose response could not be stored. */
export const IDEMPOTENCY_UNSTORED = -1;

export interface IdempotencyRecord {
  id: string;
  method: string;
  path: string;
  requestHash: string;
  responseStatus: number;
  responseBody: unknown;
  expiresAt: Date;
}

export type IdempotencyReservation =
  { kind: 'reserved'; id: string } | { kind: 'existing'; record: IdempotencyRecord };

/** Idempotency keys per workspace: reserved before the request runs, completed with its response. */
@Injectable()
export class IdempotencyKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Reserves the key for this request, or returns the record already holding it. An expired record
   * is replaced. Insert-or-nothing makes two concurrent first requests agree on one winner.
   */
  async reserve(input: {
    workspaceId: string;
    key: string;
    method: string;
    path: string;
    requestHash: string;
    expiresAt: Date;
    /** Until when the key is leased to this request (renew with `renewLease`). */
    leaseExpiresAt: Date;
    now?: Date;
  }): Promise<IdempotencyReservation> {
    const now = input.now ?? new Date();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const { count } = await this.prisma.idempotencyKey.createMany({
        data: [
          {
            workspaceId: input.workspaceId,
            key: input.key,
            method: input.method,
            path: input.path,
            requestHash: input.requestHash,
            responseStatus: IDEMPOTENCY_PENDING,
            responseBody: {},
            expiresAt: input.expiresAt,
            leaseExpiresAt: input.leaseExpiresAt,
          },
        ],
        skipDuplicates: true,
      });
      const record = await this.prisma.idempotencyKey.findUnique({
        where: { workspaceId_key: { workspaceId: input.workspaceId, key: input.key } },
      });
      if (!record) continue; // released between our insert attempt and the read: try again
      if (count === 1) return { kind: 'reserved', id: record.id };
      if (record.expiresAt > now && record.requestHash === input.requestHash) {
        if (await this.takeOver(record.id, input.leaseExpiresAt, now))
          return { kind: 'reserved', id: record.id };
      }
      if (record.expiresAt > now) return { kind: 'existing', record };
      await this.prisma.idempotencyKey.deleteMany({ where: { id: record.id, expiresAt: { lte: now } } });
    }
    throw new Error(`could not reserve idempotency key ${input.key}`);
  }

  /**
   * A pending key whose lease lapsed (its request crashed, or a process without lease renewal held it) is
   * taken over by the retry. Conditional on the lapsed lease, so only one retry wins.
   */
  private async takeOver(id: string, leaseExpiresAt: Date, now: Date): Promise<boolean> {
    const { count } = await this.prisma.idempotencyKey.updateMany({
      where: {
        id,
        responseStatus: IDEMPOTENCY_PENDING,
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lte: now } }],
      },
      data: { leaseExpiresAt },
    });
    return count === 1;
  }

  /** Extends the lease of a request still running; false when the key is no longer pending. */
  async renewLease(id: string, leaseExpiresAt: Date): Promise<boolean> {
    const { count } = await this.prisma.idempotencyKey.updateMany({
      where: { id, responseStatus: IDEMPOTENCY_PENDING },
      data: { leaseExpiresAt },
    });
    return count === 1;
  }

  async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.prisma.idempotencyKey.update({
      where: { id },
      data: {
        responseStatus: status,
        responseBody: (body ?? null) as Prisma.InputJsonValue,
        leaseExpiresAt: null,
      },
    });
  }

  /** The request completed (its side effects happened) but its response could not be stored. */
  async markUnstored(id: string): Promise<void> {
    await this.prisma.idempotencyKey.update({
      where: { id },
      data: { responseStatus: IDEMPOTENCY_UNSTORED, responseBody: {}, leaseExpiresAt: null },
    });
  }

  /** Frees a reservation whose request failed, so the client can retry with the same key. */
  async release(id: string): Promise<void> {
    await this.prisma.idempotencyKey.deleteMany({ where: { id, responseStatus: IDEMPOTENCY_PENDING } });
  }

  async deleteExpired(before = new Date()): Promise<number> {
    const { count } = await this.prisma.idempotencyKey.deleteMany({ where: { expiresAt: { lt: before } } });
    return count;
  }
}
