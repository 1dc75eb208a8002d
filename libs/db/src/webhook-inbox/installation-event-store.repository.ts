import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../db-errors.js';
import { PrismaService } from '../prisma.service.js';

export interface InstallationChange {
  installationId: bigint;
  accountLogin: string;
  accountType: string;
  /** The integration it belongs to (matched by installation id), or null to unlink. */
  workspaceIntegrationId: string | null;
  /** undefined leaves the column as it is. */
  suspendedAt?: Date | null | undefined;
  deletedAt?: Date | null | undefined;
  /** When the change happened: a row a newer event already wrote is left alone. */
  eventAt: Date;
}

/** Write side of github_installations: GitHub App installations as `installation` webhooks report them. */
@Injectable()
export class InstallationEventStore {
  constructor(private readonly prisma: PrismaService) {}

  /** Records the change unless a newer event already did; false when it was stale. */
  async upsert(change: InstallationChange): Promise<boolean> {
    const data = {
      accountLogin: change.accountLogin,
      accountType: change.accountType,
      workspaceIntegrationId: change.workspaceIntegrationId,
      eventAt: change.eventAt,
      ...(change.suspendedAt !== undefined ? { suspendedAt: change.suspendedAt } : {}),
      ...(change.deletedAt !== undefined ? { deletedAt: change.deletedAt } : {}),
    };
    const update = () =>
      this.prisma.gitHubInstallation.updateMany({
        where: {
          installationId: change.installationId,
          OR: [{ eventAt: null }, { eventAt: { lte: change.eventAt } }],
        },
        data,
      });
    if ((await update()).count > 0) return true;
    const known = await this.prisma.gitHubInstallation.findUnique({
      where: { installationId: change.installationId },
      select: { id: true },
    });
    if (known) return false;
    try {
      await this.prisma.gitHubInstallation.create({
        data: { installationId: change.installationId, ...data },
      });
      return true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await update()).count > 0;
    }
  }
}
