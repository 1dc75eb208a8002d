import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import type { DirtyFields, FieldConflict, FieldHashes, LocalIssueFields, OutboundField } from '#libs/issues';
import { appendAudit } from '../audit/audit-rows.js';
import { localFieldsOf } from './local-fields.js';

/** What the merge of an incoming GitHub view needs to know about a linked local issue. */
export interface MergeState {
  issueId: string;
  workspaceId: string;
  /** GitHub update time the link last applied: an older view is not merged. */
  githubUpdatedAt: Date;
  local: LocalIssueFields;
  dirtyFields: DirtyFields;
  pushedHashes: FieldHashes;
  pushedFingerprints: FieldHashes;
  githubHashes: FieldHashes;
}

export interface MergeCommit {
  issueId: string;
  /** GitHub's view per field, now the base of the next comparison. */
  githubHashes: FieldHashes;
  /** Dirty fields GitHub won (cleared if not edited again meanwhile). */
  resolved: DirtyFields;
}

const MAX_JOB_CONFLICTS = 200;

/** Per-field merge of GitHub views into locally edited issues (bidirectional sync). */
@Injectable()
export class InboundMergeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Merge state of the given GitHub issue numbers that have local outbound bookkeeping. */
  async load(repositorySyncId: string, numbers: number[]): Promise<Map<number, MergeState>> {
    const found = new Map<number, MergeState>();
    if (numbers.length === 0) return found;
    const links = await this.prisma.gitHubIssueSync.findMany({
      where: { repositorySyncId, githubNumber: { in: numbers }, issue: { outbound: { isNot: null } } },
      select: {
        githubNumber: true,
        githubUpdatedAt: true,
        issue: {
          include: {
            outbound: true,
            labels: { include: { label: { select: { name: true } } } },
            assignees: { select: { githubLogin: true } },
          },
        },
      },
    });
    for (const { githubNumber, githubUpdatedAt, issue } of links) {
      const o = issue.outbound;
      if (!o) continue;
      found.set(githubNumber, {
        issueId: issue.id,
        workspaceId: issue.workspaceId,
        githubUpdatedAt,
        local: localFieldsOf(issue),
        dirtyFields: o.dirtyFields as DirtyFields,
        pushedHashes: o.pushedHashes as FieldHashes,
        pushedFingerprints: o.pushedFingerprints as FieldHashes,
        githubHashes: o.githubHashes as FieldHashes,
      });
    }
    return found;
  }

  /** After the merged records are written: advance the per-field base, clear what GitHub won, audit. */
  async commit(
    commits: MergeCommit[],
    conflicts: FieldConflict[],
    workspaceId: string | null,
  ): Promise<void> {
    for (const commit of commits) {
      await this.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT id FROM github_issue_outbound WHERE issue_id = ${commit.issueId}::uuid FOR UPDATE`;
        const row = await tx.gitHubIssueOutbound.findUnique({ where: { issueId: commit.issueId } });
        if (!row) return;
        const dirty = { ...(row.dirtyFields as DirtyFields) };
        for (const [field, at] of Object.entries(commit.resolved) as [OutboundField, string][]) {
          if (dirty[field] === at) delete dirty[field];
        }
        await tx.gitHubIssueOutbound.update({
          where: { issueId: commit.issueId },
          data: {
            dirtyFields: dirty,
            githubHashes: { ...(row.githubHashes as FieldHashes), ...commit.githubHashes },
          },
        });
      });
    }
    if (conflicts.length > 0 && workspaceId) await this.auditConflicts(workspaceId, conflicts);
  }

  async auditConflicts(workspaceId: string, conflicts: FieldConflict[]): Promise<void> {
    await appendAudit(
      this.prisma,
      conflicts.map((c) => ({
        workspaceId,
        action: 'github.sync.conflict',
        targetType: 'issue',
        targetId: c.issueId,
        details: conflictJson(c),
      })),
    );
  }

  /** Appends conflicts to a sync job's `metadata.conflicts` (the newest 200 kept) and counts them. */
  async appendJobConflicts(jobId: string, conflicts: FieldConflict[]): Promise<void> {
    if (conflicts.length === 0) return;
    const added = JSON.stringify(conflicts.map(conflictJson));
    await this.prisma.$executeRaw`
      UPDATE github_sync_jobs SET
        metadata = metadata || jsonb_build_object(
          'conflicts', (SELECT COALESCE(jsonb_agg(t.value ORDER BY t.n), '[]'::jsonb) FROM (
              SELECT value, n FROM jsonb_array_elements(COALESCE(metadata->'conflicts', '[]'::jsonb) || ${added}::jsonb)
                WITH ORDINALITY AS a(value, n)
              ORDER BY n DESC LIMIT ${MAX_JOB_CONFLICTS}) AS t),
          'conflict_count', COALESCE((metadata->>'conflict_count')::int, 0) + ${conflicts.length}),
        updated_at = now()
      WHERE job_id = ${jobId}`;
  }
}

function conflictJson(c: FieldConflict): Prisma.InputJsonObject {
  return {
    issue_id: c.issueId,
    github_number: c.githubNumber,
    field: c.field,
    winner: c.winner,
    local_edited_at: c.localEditedAt,
    github_updated_at: c.githubUpdatedAt,
    source: c.source,
  };
}
