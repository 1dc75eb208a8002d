import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { GitHubInstallation } from '../prisma-types.js';

/**
 * Read side of `github_installations` (rows are written by the `installation` webhook handler).
 * Linking a workspace goes through `workspace_integrations.installation_id`.
 */
@Injectable()
export class InstallationRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByInstallationId(installationId: bigint): Promise<GitHubInstallation | null> {
    return this.prisma.gitHubInstallation.findUnique({ where: { installationId } });
  }
}
