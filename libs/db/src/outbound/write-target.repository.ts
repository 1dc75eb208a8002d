import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { Prisma } from '../prisma-types.js';
import { GITHUB_WRITING_DIRECTIONS, type SyncDirection } from '#libs/issues';

/** The repository sync a workspace issue's edits are written to. */
export interface WriteTarget {
  repositorySyncId: string;
  direction: SyncDirection;
  enabled: boolean;
}

/** A project's oldest enabled repository sync that writes to GitHub: where its new issues go. */
export async function projectWriteTarget(
  db: Pick<Prisma.TransactionClient, 'gitHubRepositorySync'>,
  projectId: string,
): Promise<WriteTarget | null> {
  const sync = await db.gitHubRepositorySync.findFirst({
    where: { projectId, enabled: true, direction: { in: [...GITHUB_WRITING_DIRECTIONS] } },
    orderBy: { createdAt: 'asc' },
    select: { id: true, direction: true, enabled: true },
  });
  return sync ? { repositorySyncId: sync.id, direction: sync.direction, enabled: sync.enabled } : null;
}

/**
 * Where local edits go (the issue's linked repository, else its project's write target), and which issues
 * still owe a repository sync a write.
 */
@Injectable()
export class WriteTargetRepository {
  constructor(private readonly prisma: PrismaService) {}

  forProject(projectId: string): Promise<WriteTarget | null> {
    return projectWriteTarget(this.prisma, projectId);
  }

  async forIssue(issueId: string): Promise<WriteTarget | null> {
    const issue = await this.prisma.issue.findUnique({
      where: { id: issueId },
      select: { projectId: true, githubSync: { select: { repositorySync: true } } },
    });
    if (!issue) return null;
    const linked = issue.githubSync?.repositorySync;
    if (linked) return { repositorySyncId: linked.id, direction: linked.direction, enabled: linked.enabled };
    return this.forProject(issue.projectId);
  }

  /**
   * Issues that owe the repository sync a write: linked ones with local edits, a state change still owed
   * or comments not on GitHub, and (`withUnlinked`: the project's primary write target) issues never written.
   */
  async pendingIssues(
    repoSync: { id: string; projectId: string },
    withUnlinked: boolean,
  ): Promise<{ issueId: string; version: number }[]> {
    const rows = await this.prisma.$queryRaw<{ issue_id: string; version: number }[]>`
      SELECT i.id::text AS issue_id, COALESCE(o.version, 0) AS version
      FROM issues i
      LEFT JOIN github_issue_outbound o ON o.issue_id = i.id
      LEFT JOIN github_issue_syncs l ON l.issue_id = i.id
      WHERE i.deleted_at IS NULL AND (
        (l.repository_sync_id = ${repoSync.id}::uuid AND (
           o.dirty_fields <> '{}'::jsonb OR o.pending_state IS NOT NULL
           OR EXISTS (SELECT 1 FROM issue_comments c WHERE c.issue_id = i.id AND c.deleted_at IS NULL
                        AND NOT EXISTS (SELECT 1 FROM github_comment_syncs cs WHERE cs.comment_id = c.id))))
        OR (${withUnlinked} AND l.id IS NULL AND i.project_id = ${repoSync.projectId}::uuid))
      ORDER BY i.sequence_id`;
    return rows.map((r) => ({ issueId: r.issue_id, version: Number(r.version) }));
  }
}
