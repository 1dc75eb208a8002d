import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { MemberRole, Project, Workspace } from '../prisma-types.js';
import type { LiveToken, TokenPrincipal } from '../reads/read-rows.js';

export type { LiveToken, TokenPrincipal } from '../reads/read-rows.js';

@Injectable()
export class WorkspaceRepository {
  constructor(private readonly prisma: PrismaService) {}

  findBySlug(slug: string): Promise<Workspace | null> {
    return this.prisma.workspace.findUnique({ where: { slug } });
  }

  create(slug: string, name: string): Promise<Workspace> {
    return this.prisma.workspace.create({ data: { slug, name } });
  }

  upsertUser(email: string, displayName: string, githubLogin?: string) {
    return this.prisma.user.upsert({
      where: { email },
      create: { email, displayName, githubLogin: githubLogin ?? null },
      update: {},
    });
  }

  addMember(workspaceId: string, userId: string, role: MemberRole) {
    return this.prisma.workspaceMember.upsert({
      where: { workspaceId_userId: { workspaceId, userId } },
      create: { workspaceId, userId, role },
      update: { role },
    });
  }

  createApiToken(input: {
    workspaceId: string;
    userId: string;
    name: string;
    tokenHash: string;
    prefix: string;
    expiresAt?: Date | undefined;
  }) {
    return this.prisma.apiToken.create({
      data: {
        workspaceId: input.workspaceId,
        userId: input.userId,
        name: input.name,
        tokenHash: input.tokenHash,
        tokenPrefix: input.prefix,
        expiresAt: input.expiresAt ?? null,
      },
    });
  }

  /** The principal of a live token (not revoked or expired) whose user is still a workspace member. */
  findPrincipalByTokenHash(tokenHash: string, now = new Date()): Promise<TokenPrincipal | null> {
    return this.prisma.reads.principal(tokenHash, now);
  }

  /** Like findPrincipalByTokenHash, with the token's expiry (for callers that keep the answer a moment). */
  findLiveTokenByHash(tokenHash: string, now = new Date()): Promise<LiveToken | null> {
    return this.prisma.reads.liveToken(tokenHash, now);
  }

  /** Creates the project, or returns the workspace's project with that identifier (renamed to `name`). */
  createProject(workspaceId: string, name: string, identifier: string): Promise<Project> {
    return this.prisma.project.upsert({
      where: { workspaceId_identifier: { workspaceId, identifier } },
      create: { workspaceId, name, identifier },
      update: { name },
    });
  }

  findProject(workspaceId: string, projectId: string): Promise<Project | null> {
    return this.prisma.reads.project(workspaceId, projectId);
  }
}
