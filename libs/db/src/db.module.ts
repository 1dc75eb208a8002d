import { Global, Module } from '@nestjs/common';
import { PrismaService } from './prisma.service.js';
import { ApiTokenRepository } from './access/api-token.repository.js';
import { AuditLogRepository } from './audit/audit-log.repository.js';
import { ConsoleSessionRepository } from './access/console-session.repository.js';
import { IdempotencyKeyRepository } from './access/idempotency-key.repository.js';
import { InstallationRepository } from './integrations/installation.repository.js';
import { IntegrationAdminRepository } from './integrations/integration-admin.repository.js';
import { IntegrationCredentialRepository } from './integrations/integration-credential.repository.js';
import { OAuthStateRepository } from './integrations/oauth-state.repository.js';
import { UserRepository } from './access/user.repository.js';
import { DatabaseHealth } from './maintenance/database-health.js';
import { MaintenanceRepository } from './maintenance/maintenance.repository.js';
import { IntegrationRepository } from './integrations/integration.repository.js';
import { IssueSyncStore } from './issues/issue-sync-store.repository.js';
import { IssueReadModel } from './reads/issue.read-model.js';
import { SyncStatusReadModel } from './reads/sync-status.read-model.js';
import { SyncOverviewReadModel } from './reads/sync-overview.read-model.js';
import { SyncJobRepository } from './jobs/sync-job.repository.js';
import { WorkspaceRepository } from './access/workspace.repository.js';
import { CommentEventStore } from './comments/comment-event-store.repository.js';
import { InstallationEventStore } from './webhook-inbox/installation-event-store.repository.js';
import { IssueBatchStore } from './issues/issue-batch-store.repository.js';
import { IssueEventStore } from './issues/issue-event-store.repository.js';
import { WebhookEventRepository } from './webhook-inbox/webhook-event.repository.js';
import { WebhookTargetRepository } from './webhook-inbox/webhook-target.repository.js';
import { InboundMergeRepository } from './issues/inbound-merge.repository.js';
import { IssueEditRepository } from './issues/issue-edit.repository.js';
import { CommentEditRepository } from './comments/comment-edit.repository.js';
import { WriteTargetRepository } from './outbound/write-target.repository.js';
import { OutboundCommentRepository } from './outbound/outbound-comments.repository.js';
import { OutboundLinkRepository } from './outbound/outbound-link.repository.js';
import { OutboundStateRepository } from './outbound/outbound-state.repository.js';
import { PullRequestRepository } from './issues/pull-request.repository.js';
import { ProjectRepository } from './access/project.repository.js';
import { WebhookStatsRepository } from './webhook-inbox/webhook-stats.repository.js';

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
  IssueReadModel,
  SyncStatusReadModel,
  SyncOverviewReadModel,
  WebhookEventRepository,
  WebhookTargetRepository,
  IssueEventStore,
  IssueBatchStore,
  CommentEventStore,
  InstallationEventStore,
  IssueEditRepository,
  CommentEditRepository,
  WriteTargetRepository,
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
