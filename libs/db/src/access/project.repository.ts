import { Injectable } from '@nestjs/common';
import { ConflictError } from '#libs/common';
import { rethrowUnavailable } from '../db-errors.js';
import { PrismaService } from '../prisma.service.js';
import { Prisma, type Project } from '../prisma-types.js';

export interface ProjectWithIssueCount extends Project {
  issueCount: number;
}

/** Workspace projects for the API (the CLI's idempotent create is WorkspaceRepository.createProject). */
@Injectable()
export class ProjectRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The workspace's projects, oldest first, with their (not deleted) issue counts. */
  async listWithIssueCounts(workspaceId: string): Promise<ProjectWithIssueCount[]> {
    const projects = await this.prisma.project.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    if (projects.length === 0) return [];
    const counts = await this.prisma.issue.groupBy({
      by: ['projectId'],
      where: { workspaceId, deletedAt: null },
      _count: { _all: true },
    });
    const byProject = new Map(counts.map((c) => [c.projectId, c._count._all]));
    return projects.map((p) => ({ ...p, issueCount: byProject.get(p.id) ?? 0 }));
  }

  /** One insert: a duplicate identifier in the workspace is a ConflictError naming `identifier`. */
  async create(workspaceId: string, name: string, identifier: string): Promise<Project> {
    try {
      return await this.prisma.project.create({ data: { workspaceId, name, identifier } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictError(`a project with identifier ${identifier} already exists`, {
          cause: error,
          field: 'identifier',
        });
      }
      return rethrowUnavailable(error);
    }
  }
}
