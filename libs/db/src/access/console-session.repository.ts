import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { MemberRole } from '../prisma-types.js';
import type { TokenPrincipal } from './workspace.repository.js';

/** Who a console session (or an API token) speaks for, with the names the console shows. */
export interface ConsoleIdentity {
  principal: TokenPrincipal;
  workspace: { slug: string; name: string };
  user: { id: string; email: string; name: string; role: MemberRole };
}

export interface StoredConsoleSession {
  id: string;
  csrfHash: string;
  expiresAt: Date;
  /** Null when the session's token is revoked or expired, or its user is no longer a member. */
  identity: ConsoleIdentity | null;
}

export type SigninLinkRedemption =
  { ok: true; apiTokenId: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/**
 * Console sessions and single-use sign-in links. Only SHA-256 hashes of the cookie value, the CSRF token
 * and the link code are stored; a session references its API token, whose state is re-read on every use.
 */
@Injectable()
export class ConsoleSessionRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(input: {
    sessionHash: string;
    csrfHash: string;
    apiTokenId: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.prisma.consoleSession.create({ data: input });
  }

  /** The unexpired session with that hash and who it speaks for now (an expired one is deleted). */
  async find(sessionHash: string, now = new Date()): Promise<StoredConsoleSession | null> {
    const session = await this.prisma.consoleSession.findUnique({ where: { sessionHash } });
    if (!session) return null;
    if (session.expiresAt <= now) {
      await this.delete(sessionHash);
      return null;
    }
    return {
      id: session.id,
      csrfHash: session.csrfHash,
      expiresAt: session.expiresAt,
      identity: await this.identityOfToken(session.apiTokenId, now),
    };
  }

  async delete(sessionHash: string): Promise<void> {
    await this.prisma.consoleSession.deleteMany({ where: { sessionHash } });
  }

  async deleteExpired(now = new Date()): Promise<number> {
    const { count } = await this.prisma.consoleSession.deleteMany({ where: { expiresAt: { lte: now } } });
    const links = await this.prisma.consoleSigninLink.deleteMany({ where: { expiresAt: { lte: now } } });
    return count + links.count;
  }

  /** The identity behind a live API token (not revoked, not expired, its user still a member). */
  async identityOfToken(apiTokenId: string, now = new Date()): Promise<ConsoleIdentity | null> {
    const token = await this.prisma.apiToken.findUnique({
      where: { id: apiTokenId },
      include: { workspace: true, user: true },
    });
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt <= now)) return null;
    const member = await this.prisma.workspaceMember.findUnique({
      where: { workspaceId_userId: { workspaceId: token.workspaceId, userId: token.userId } },
    });
    if (!member) return null;
    return {
      principal: {
        tokenId: token.id,
        userId: token.userId,
        workspaceId: token.workspaceId,
        workspaceSlug: token.workspace.slug,
        role: member.role,
      },
      workspace: { slug: token.workspace.slug, name: token.workspace.name },
      user: { id: token.user.id, email: token.user.email, name: token.user.displayName, role: member.role },
    };
  }

  async createSigninLink(input: { codeHash: string; apiTokenId: string; expiresAt: Date }): Promise<void> {
    await this.prisma.consoleSigninLink.create({ data: input });
  }

  /** Atomically marks the link used; a second (or concurrent) use, an unknown or expired code fail. */
  async redeemSigninLink(codeHash: string, now = new Date()): Promise<SigninLinkRedemption> {
    const { count } = await this.prisma.consoleSigninLink.updateMany({
      where: { codeHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const link = await this.prisma.consoleSigninLink.findUnique({ where: { codeHash } });
    if (!link) return { ok: false, reason: 'unknown' };
    if (count === 1) return { ok: true, apiTokenId: link.apiTokenId };
    return { ok: false, reason: link.usedAt ? 'used' : 'expired' };
  }
}
