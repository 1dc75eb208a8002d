import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';
import { ApiTokenRepository } from './repositories/api-token.repository.js';
import { AuditLogRepository } from './repositories/audit-log.repository.js';
import { ConsoleSessionRepository } from './repositories/console-session.repository.js';
import { IdempotencyKeyRepository } from './repositories/idempotency-key.repository.js';
import { InstallationRepository } from './repositories/installation.repository.js';
import { IntegrationAdminRepository } from './repositories/integration-admin.repository.js';
import { IntegrationCredentialRepository } from './repositories/integration-credential.repository.js';
import { OAuthStateRepository } from './repositories/oauth-state.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { DatabaseHealth } from './repositories/database-health.js';
import { MaintenanceRepository } from './repositories/maintenance.repository.js';
import { IntegrationRepository } from './repositories/integration.repository.js';
import { IssueSyncStore } from './repositories/issue-sync-store.repository.js';
import { IssueRepository } from './repositories/issue.repository.js';
import { SyncJobRepository } from './repositories/sync-job.repository.js';
import { WorkspaceRepository } from './repositories/workspace.repository.js';
import { CommentEventStore } from './repositories/comment-event-store.repository.js';
import { InstallationEventStore } from './repositories/installation-event-store.repository.js';
import { IssueBatchStore } from './repositories/issue-batch-store.repository.js';
import { IssueEventStore } from './repositories/issue-event-store.repository.js';
import { WebhookEventRepository } from './repositories/webhook-event.repository.js';
import { WebhookTargetRepository } from './repositories/webhook-target.repository.js';
import { InboundMergeRepository } from './repositories/inbound-merge.repository.js';
import { IssueEditRepository } from './repositories/issue-edit.repository.js';
import { OutboundCommentRepository } from './repositories/outbound-comments.repository.js';
import { OutboundLinkRepository } from './repositories/outbound-link.repository.js';
import { OutboundStateRepository } from './repositories/outbound-state.repository.js';
import { PullRequestRepository } from './repositories/pull-request.repository.js';
import { ProjectRepository } from './repositories/project.repository.js';
import { WebhookStatsRepository } from './repositories/webhook-stats.repository.js';

const repositories = [
  DatabaseHealth,
  ApiTokenRepository,
  AuditLogRepository,
  ConsoleSessionRepository,
  IdempotencyKeyRepository,
  InstallationRepository,
  IntegrationAdminRepository,
  IntegrationCredentialRepository,
  OAuthStateRepository,
  UserRepository,
  MaintenanceRepository,
  WorkspaceRepository,
  IntegrationRepository,
  SyncJobRepository,
  IssueSyncStore,
  IssueRepository,
  WebhookEventRepository,
  WebhookTargetRepository,
  IssueEventStore,
  IssueBatchStore,
  CommentEventStore,
  InstallationEventStore,
  IssueEditRepository,
  OutboundStateRepository,
  OutboundCommentRepository,
  OutboundLinkRepository,
  InboundMergeRepository,
  PullRequestRepository,
  ProjectRepository,
  WebhookStatsRepository,
];

/** Postgres through Prisma. Needs ConfigModule. Import once per app. */
@Global()
@Module({ providers: [PrismaService, ...repositories], exports: [PrismaService, ...repositories] })
export class DbModule {}
