import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';

/** `response_status` of a key whose first request is still running. */
export const IDEMPOTENCY_PENDING = 0;

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
          },
        ],
        skipDuplicates: true,
      });
      const record = await this.prisma.idempotencyKey.findUnique({
        where: { workspaceId_key: { workspaceId: input.workspaceId, key: input.key } },
      });
      if (!record) continue; // released between our insert attempt and the read: try again
      if (count === 1) return { kind: 'reserved', id: record.id };
      if (record.expiresAt > now) return { kind: 'existing', record };
      await this.prisma.idempotencyKey.deleteMany({ where: { id: record.id, expiresAt: { lte: now } } });
    }
    throw new Error(`could not reserve idempotency key ${input.key}`);
  }

  async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.prisma.idempotencyKey.update({
      where: { id },
      data: { responseStatus: status, responseBody: (body ?? null) as Prisma.InputJsonValue },
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
