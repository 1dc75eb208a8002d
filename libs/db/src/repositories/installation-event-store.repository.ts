import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { GitHubInstallation } from '../prisma-types.js';

export interface InstallationChange {
  installationId: bigint;
  accountLogin: string;
  accountType: string;
  /** The integration it belongs to (matched by installation id), or null to unlink. */
  workspaceIntegrationId: string | null;
  /** undefined leaves the column as it is. */
  suspendedAt?: Date | null | undefined;
  deletedAt?: Date | null | undefined;
}

/** Write side of github_installations: GitHub App installations as `installation` webhooks report them. */
@Injectable()
export class InstallationEventStore {
  constructor(private readonly prisma: PrismaService) {}

  upsert(change: InstallationChange): Promise<GitHubInstallation> {
    const data = {
      accountLogin: change.accountLogin,
      accountType: change.accountType,
      workspaceIntegrationId: change.workspaceIntegrationId,
      ...(change.suspendedAt !== undefined ? { suspendedAt: change.suspendedAt } : {}),
      ...(change.deletedAt !== undefined ? { deletedAt: change.deletedAt } : {}),
    };
    return this.prisma.gitHubInstallation.upsert({
      where: { installationId: change.installationId },
      create: { installationId: change.installationId, ...data },
      update: data,
    });
  }
}
