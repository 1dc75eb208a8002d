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

/** Where local edits go: the issue's linked repository, else its project's write target. */
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
}
