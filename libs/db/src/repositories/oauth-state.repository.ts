import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';

export interface OAuthStateBinding {
  workspaceId: string;
  userId: string;
}

/** OAuth `state` values: only their hash is stored; each is consumed at most once, before it expires. */
@Injectable()
export class OAuthStateRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(input: OAuthStateBinding & { stateHash: string; expiresAt: Date }): Promise<void> {
    await this.prisma.oAuthState.create({ data: input });
  }

  /**
   * Atomically marks the state used and returns what it is bound to; null when it is unknown,
   * expired or already used (a concurrent second use loses the race and gets null too).
   */
  async consume(stateHash: string, now = new Date()): Promise<OAuthStateBinding | null> {
    const { count } = await this.prisma.oAuthState.updateMany({
      where: { stateHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) return null;
    const state = await this.prisma.oAuthState.findUnique({ where: { stateHash } });
    return state ? { workspaceId: state.workspaceId, userId: state.userId } : null;
  }

  /** Drops states that expired before `before` (used or not: either way they can no longer be used). */
  async deleteExpired(before = new Date()): Promise<number> {
    const { count } = await this.prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: before } } });
    return count;
  }
}
