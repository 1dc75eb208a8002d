import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';

export interface OAuthStateBinding {
  workspaceId: string;
  userId: string;
}

/** What consuming a state found: its binding (with the browser nonce's hash), or why it cannot be used. */
export type OAuthStateConsumption =
  | { ok: true; binding: OAuthStateBinding; nonceHash: string | null }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** OAuth `state` values: only their hash is stored; each is consumed at most once, before it expires. */
@Injectable()
export class OAuthStateRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(
    input: OAuthStateBinding & { stateHash: string; nonceHash: string; expiresAt: Date },
  ): Promise<void> {
    await this.prisma.oAuthState.create({ data: input });
  }

  /**
   * Atomically marks the state used (an expired one too: it is burnt either way) and says what it is bound
   * to; a second or concurrent use loses the race and gets `used`.
   */
  async consume(stateHash: string, now = new Date()): Promise<OAuthStateConsumption> {
    const { count } = await this.prisma.oAuthState.updateMany({
      where: { stateHash, usedAt: null },
      data: { usedAt: now },
    });
    const state = await this.prisma.oAuthState.findUnique({ where: { stateHash } });
    if (!state) return { ok: false, reason: 'unknown' };
    if (count !== 1) return { ok: false, reason: 'used' };
    if (state.expiresAt <= now) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      binding: { workspaceId: state.workspaceId, userId: state.userId },
      nonceHash: state.nonceHash,
    };
  }

  /** Drops states that expired before `before` (used or not: either way they can no longer be used). */
  async deleteExpired(before = new Date()): Promise<number> {
    const { count } = await this.prisma.oAuthState.deleteMany({ where: { expiresAt: { lt: before } } });
    return count;
  }
}
