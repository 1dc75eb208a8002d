import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { MemberRole, User } from '../prisma-types.js';

@Injectable()
export class UserRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByEmail(email: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  /** The user's role in the workspace, or null when not a member. */
  async roleIn(workspaceId: string, userId: string): Promise<MemberRole | null> {
    const member = await this.prisma.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId, userId } },
    });
    return member?.role ?? null;
  }
}
