import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';
import { DatabaseHealth } from './repositories/database-health.js';
import { IntegrationRepository } from './repositories/integration.repository.js';
import { IssueSyncStore } from './repositories/issue-sync-store.repository.js';
import { IssueRepository } from './repositories/issue.repository.js';
import { SyncJobRepository } from './repositories/sync-job.repository.js';
import { WorkspaceRepository } from './repositories/workspace.repository.js';

const repositories = [
  DatabaseHealth,
  WorkspaceRepository,
  IntegrationRepository,
  SyncJobRepository,
  IssueSyncStore,
  IssueRepository,
];

/** Postgres through Prisma. Needs ConfigModule. Import once per app. */
@Global()
@Module({ providers: [PrismaService, ...repositories], exports: [PrismaService, ...repositories] })
export class DbModule {}
