import { randomUUID } from 'node:crypto';
import type { Prisma } from '../prisma-types.js';
import type { Actor } from '../outbound/outbound.types.js';
import { appendAudit } from '../audit/audit-rows.js';

type Tx = Prisma.TransactionClient;

/**
 * Bumps the outbound version (creating the row) and marks fields dirty; returns the new version. `base`
 * seeds the per-field GitHub hashes the row does not have yet (existing ones win).
 */
export async function bumpVersion(
  tx: Tx,
  workspaceId: string,
  issueId: string,
  dirty: Record<string, string>,
  base: Record<string, string> = {},
) {
  const [row] = await tx.$queryRaw<{ version: number }[]>`
    INSERT INTO github_issue_outbound (id, workspace_id, issue_id, version, dirty_fields, github_hashes, updated_at)
    VALUES (${randomUUID()}::uuid, ${workspaceId}::uuid, ${issueId}::uuid, 1, ${JSON.stringify(dirty)}::jsonb,
            ${JSON.stringify(base)}::jsonb, now())
    ON CONFLICT (issue_id) DO UPDATE SET version = github_issue_outbound.version + 1,
      dirty_fields = github_issue_outbound.dirty_fields || EXCLUDED.dirty_fields,
      github_hashes = EXCLUDED.github_hashes || github_issue_outbound.github_hashes, updated_at = now()
    RETURNING version`;
  return row?.version ?? 1;
}

/** The audit entry of a local edit by `actor`. */
export async function audit(
  tx: Tx,
  workspaceId: string,
  actor: Actor,
  action: string,
  targetType: string,
  targetId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await appendAudit(tx, [
    {
      workspaceId,
      actorUserId: actor.userId,
      actorTokenId: actor.tokenId,
      action,
      targetType,
      targetId,
      details,
    },
  ]);
}
