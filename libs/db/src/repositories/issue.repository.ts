import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { IssueState, Prisma } from '../prisma-types.js';

const issueInclude = {
  labels: { include: { label: { select: { name: true } } } },
  assignees: { select: { githubLogin: true, userId: true } },
  githubSync: {
    select: {
      githubNumber: true,
      githubUrl: true,
      githubUpdatedAt: true,
      lastSyncedAt: true,
      repositorySync: { select: { repository: { select: { owner: true, name: true } } } },
    },
  },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} satisfies Prisma.IssueInclude;

export type IssueWithRelations = Prisma.IssueGetPayload<{ include: typeof issueInclude }>;

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

  async list(query: IssueListQuery): Promise<{ items: IssueWithRelations[]; total: number }> {
    const where: Prisma.IssueWhereInput = {
      workspaceId: query.workspaceId,
      projectId: query.projectId,
      deletedAt: null,
      ...(query.state ? { state: query.state } : {}),
    };
    const [items, total] = await Promise.all([
      this.prisma.issue.findMany({
        where,
        include: issueInclude,
        orderBy: { sequenceId: 'asc' },
        skip: (query.page - 1) * query.perPage,
        take: query.perPage,
      }),
      this.prisma.issue.count({ where }),
    ]);
    return { items, total };
  }

  findOne(workspaceId: string, projectId: string, issueId: string): Promise<IssueWithRelations | null> {
    return this.prisma.issue.findFirst({
      where: { id: issueId, workspaceId, projectId, deletedAt: null },
      include: issueInclude,
    });
  }

  /** One page of an issue's comments (oldest first) and how many it has in all. */
  async listCommentsPage(issueId: string, page: number, perPage: number) {
    const where = { issueId, deletedAt: null };
    const [items, total] = await Promise.all([
      this.prisma.issueComment.findMany({
        where,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        skip: (page - 1) * perPage,
        take: perPage,
        include: { githubSync: { select: { githubId: true } } },
      }),
      this.prisma.issueComment.count({ where }),
    ]);
    return { items, total };
  }

  listComments(issueId: string) {
    return this.prisma.issueComment.findMany({
      where: { issueId, deletedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { githubSync: { select: { githubId: true } } },
    });
  }
}
