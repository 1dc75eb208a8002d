import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service.js';
import type { SyncStatusReads } from './read-rows.js';

export type { SyncStatusReads } from './read-rows.js';

/** The rows of the sync status view (`GET …/status` and its live stream): one prepared statement on the pool. */
@Injectable()
export class SyncStatusReadModel {
  constructor(private readonly prisma: PrismaService) {}

  /** The workspace's GitHub integration with its repositories and jobs; null when it is not connected. */
  status(workspaceId: string, recentJobs: number): Promise<SyncStatusReads | null> {
    return this.prisma.reads.statusView(workspaceId, recentJobs);
  }
}
