import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { ApiToken } from '../prisma-types.js';

/** How often `last_used_at` is written at most per token (a busy token would otherwise write on every call). */
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenWithUser = ApiToken & { user: { email: string; displayName: string } };

/** API token bookkeeping beyond creation and lookup (those live in WorkspaceRepository). */
@Injectable()
export class ApiTokenRepository {
  constructor(private readonly prisma: PrismaService) {}

  listForWorkspace(workspaceId: string, includeRevoked = true): Promise<ApiTokenWithUser[]> {
    return this.prisma.apiToken.findMany({
      where: { workspaceId, ...(includeRevoked ? {} : { revokedAt: null }) },
      include: { user: { select: { email: true, displayName: true } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** Tokens of the workspace whose id or prefix is `idOrPrefix`. */
  find(workspaceId: string, idOrPrefix: string): Promise<ApiTokenWithUser[]> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrPrefix);
    return this.prisma.apiToken.findMany({
      where: { workspaceId, OR: [...(uuid ? [{ id: idOrPrefix }] : []), { tokenPrefix: idOrPrefix }] },
      include: { user: { select: { email: true, displayName: true } } },
    });
  }

  /** Marks the token revoked (idempotent: an already revoked token keeps its first revocation time). */
  async revoke(tokenId: string, at = new Date()): Promise<ApiToken> {
    await this.prisma.apiToken.updateMany({
      where: { id: tokenId, revokedAt: null },
      data: { revokedAt: at },
    });
    return this.prisma.apiToken.findUniqueOrThrow({ where: { id: tokenId } });
  }

  /** Records use of the token; writes at most once a minute per token. */
  async touch(tokenId: string, at = new Date()): Promise<void> {
    await this.prisma.apiToken.updateMany({
      where: {
        id: tokenId,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(at.getTime() - TOUCH_EVERY_MS) } }],
      },
      data: { lastUsedAt: at },
    });
  }
}
