import type { Prisma } from '../prisma-types.js';

/**
 * Serialises writers of one logical record (an issue, a comment) until the transaction ends. Webhook jobs
 * run concurrently; without this two events of the same issue could both pass the "is it newer?" check.
 */
export async function lockRecord(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}
