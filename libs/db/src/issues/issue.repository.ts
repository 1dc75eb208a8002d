import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { IssueWithRelations } from '../reads/read-rows.js';
import type { IssueState } from '#libs/issues';

export type { IssueWithRelations } from '../reads/read-rows.js';

export interface IssueListQuery {
  workspaceId: string;
  projectId: string;
  state?: IssueState | undefined;
  page: number;
  perPage: number;
}

@Injectable()
export class IssueRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A page of the project's live issues by sequence number (prepared statements: reads/). */
  list(query: IssueListQuery): Promise<{ items: IssueWithRelations[]; total: number }> {
    return this.prisma.reads.issuePage(query);
  }

  findOne(workspaceId: string, projectId: string, issueId: string): Promise<IssueWithRelations | null> {
    return this.prisma.reads.issue(workspaceId, projectId, issueId);
  }

  /** One page of an issue's comments (oldest first) and how many it has in all. */
  listCommentsPage(issueId: string, page: number, perPage: number) {
    return this.prisma.reads.commentsPage(issueId, page, perPage);
  }

  listComments(issueId: string) {
    return this.prisma.issueComment.findMany({
      where: { issueId, deletedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { githubSync: { select: { githubId: true } } },
    });
  }
}
