import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError } from '#libs/common';
import { isUniqueViolation } from '../db-errors.js';
import { PrismaService } from '../prisma.service.js';
import type { IntegrationAuthKind, Prisma, WorkspaceIntegration } from '../prisma-types.js';
import { GITHUB_MCP_PROVIDER } from './integration.repository.js';

/**
 * Encrypts a secret for the row it is stored in: gets the row's real id (the ciphertext is bound to it,
 * see SecretCipher), returns the ciphertext.
 */
export type SealForRow = (integrationId: string) => string;

/** The ciphertext columns of one integration row (reencrypt-secrets). */
export interface StoredSecrets {
  id: string;
  accessTokenEncrypted: string | null;
  webhookSecretEncrypted: string | null;
}

export type SecretField = 'accessTokenEncrypted' | 'webhookSecretEncrypted';

/**
 * Every write of a workspace integration's encrypted secrets. A ciphertext is bound to its row's id, so
 * writers pass a `SealForRow` and the id is settled here (generated before a first insert).
 */
@Injectable()
export class IntegrationCredentialRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** OAuth or personal access token connection. Unlinks any installation. */
  saveTokenCredentials(input: {
    workspaceId: string;
    authKind: 'oauth' | 'token';
    sealAccessToken: SealForRow;
    githubLogin: string;
    githubUserId: bigint;
    scopes: string[];
    connectedById?: string | null | undefined;
  }): Promise<WorkspaceIntegration> {
    return this.upsert(input.workspaceId, input.sealAccessToken, {
      authKind: input.authKind,
      tokenExpiresAt: null,
      githubLogin: input.githubLogin,
      githubUserId: input.githubUserId,
      scopes: input.scopes,
      installationId: null,
      connectedById: input.connectedById ?? null,
      status: 'connected',
      statusMessage: null,
    });
  }

  /**
   * GitHub App connection: installation tokens are minted on demand; the current one is kept encrypted.
   * An installation another workspace holds is a ConflictError (unique index: concurrent links, one wins).
   */
  async linkInstallation(input: {
    workspaceId: string;
    installationId: bigint;
    accountLogin: string | null;
    /** A current installation token, shared with other processes until it expires. */
    sealAccessToken: SealForRow;
    tokenExpiresAt: Date;
    connectedById?: string | null | undefined;
  }): Promise<WorkspaceIntegration> {
    try {
      return await this.upsert(input.workspaceId, input.sealAccessToken, {
        authKind: 'app',
        tokenExpiresAt: input.tokenExpiresAt,
        githubLogin: input.accountLogin,
        githubUserId: null,
        scopes: [],
        installationId: input.installationId,
        connectedById: input.connectedById ?? null,
        status: 'connected',
        statusMessage: null,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`installation ${input.installationId} is linked to another workspace`, {
          cause: error,
        });
      }
      throw error;
    }
  }

  /** Keeps the newest installation token on every app integration linked to the installation. */
  async storeInstallationToken(installationId: bigint, seal: SealForRow, expiresAt: Date): Promise<void> {
    const where = { installationId, authKind: 'app' as const, status: 'connected' as const };
    const rows = await this.prisma.workspaceIntegration.findMany({ where, select: { id: true } });
    for (const { id } of rows) {
      await this.prisma.workspaceIntegration.updateMany({
        where: { ...where, id },
        data: { accessTokenEncrypted: seal(id), tokenExpiresAt: expiresAt },
      });
    }
  }

  /** Up to `limit` rows holding a secret, by id after `afterId` (keyset pages). */
  listSecrets(afterId: string | null, limit: number): Promise<StoredSecrets[]> {
    return this.prisma.workspaceIntegration.findMany({
      where: {
        ...(afterId ? { id: { gt: afterId } } : {}),
        OR: [{ accessTokenEncrypted: { not: null } }, { webhookSecretEncrypted: { not: null } }],
      },
      select: { id: true, accessTokenEncrypted: true, webhookSecretEncrypted: true },
      orderBy: { id: 'asc' },
      take: limit,
    });
  }

  /**
   * Compare-and-set: writes the new ciphertexts only where the row still holds the old ones (one
   * statement, its own transaction). False when another writer (a token refresh) changed them meanwhile.
   */
  async replaceSecrets(
    id: string,
    changes: { field: SecretField; from: string; to: string }[],
  ): Promise<boolean> {
    const where: Prisma.WorkspaceIntegrationWhereInput = { id };
    const data: Prisma.WorkspaceIntegrationUpdateManyMutationInput = {};
    for (const { field, from, to } of changes) {
      where[field] = from;
      data[field] = to;
    }
    const { count } = await this.prisma.workspaceIntegration.updateMany({ where, data });
    return count === 1;
  }

  /**
   * The workspace's integration row, created or updated, with the access token sealed for its id. Two
   * first connections at once may both pick an id; the loser's update lands on the winner's row, so its
   * token is sealed again for the id the row really has.
   */
  private async upsert(
    workspaceId: string,
    seal: SealForRow,
    data: Prisma.WorkspaceIntegrationUncheckedUpdateInput & { authKind: IntegrationAuthKind },
  ): Promise<WorkspaceIntegration> {
    const key = { workspaceId_provider: { workspaceId, provider: GITHUB_MCP_PROVIDER } };
    const existing = await this.prisma.workspaceIntegration.findUnique({ where: key, select: { id: true } });
    const id = existing?.id ?? randomUUID();
    const accessTokenEncrypted = seal(id);
    const row = await this.prisma.workspaceIntegration.upsert({
      where: key,
      create: {
        ...(data as Prisma.WorkspaceIntegrationUncheckedCreateInput),
        id,
        workspaceId,
        provider: GITHUB_MCP_PROVIDER,
        accessTokenEncrypted,
      },
      update: { ...data, accessTokenEncrypted },
    });
    if (row.id === id) return row;
    return this.prisma.workspaceIntegration.update({
      where: { id: row.id },
      data: { accessTokenEncrypted: seal(row.id) },
    });
  }
}
