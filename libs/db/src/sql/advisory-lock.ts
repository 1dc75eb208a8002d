import type { Prisma } from '../prisma-types.js';

/**
 * Serialises writers of one logical record (an issue, a comment) until the transaction ends. Webhook jobs
 * run concurrently; without this two events of the same issue could both pass the "is it newer?" check.
 */
export async function lockRecord(tx: Prisma.TransactionClient, key: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
}

/** The lock key of one GitHub issue of a repository sync, shared by webhook writers and sync pages. */
export function issueLockKey(repositorySyncId: string, number: number): string {
  return `issue:${repositorySyncId}:${number}`;
}

/**
 * Takes the locks of many issues at once (a sync page), in a fixed order so two pages cannot deadlock;
 * single-issue writers (webhooks) take one of the same locks and wait for the page, or it for them.
 */
export function lockIssues(tx: Prisma.TransactionClient, repositorySyncId: string, numbers: number[]) {
  return lockIssueSet(
    tx,
    numbers.map((number) => ({ repositorySyncId, number })),
  );
}

/**
 * The locks of issues of several repository syncs (a batch of webhook events), ordered by repository sync
 * then number: the same order `lockIssues` uses within one sync, so batches and pages cannot deadlock.
 */
export async function lockIssueSet(
  tx: Prisma.TransactionClient,
  issues: readonly { repositorySyncId: string; number: number }[],
) {
  const byKey = new Map(issues.map((i) => [issueLockKey(i.repositorySyncId, i.number), i]));
  const keys = [...byKey.entries()]
    .sort(([, a], [, b]) =>
      a.repositorySyncId === b.repositorySyncId
        ? a.number - b.number
        : a.repositorySyncId < b.repositorySyncId
          ? -1
          : 1,
    )
    .map(([key]) => key);
  if (keys.length === 0) return;
  await tx.$queryRaw`
    SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0)))::int AS locked
    FROM unnest(${keys}::text[]) AS t(k)`;
}
