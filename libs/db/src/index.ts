export { DbModule } from './db.module.js';
export { ReadQueries } from './reads/read-queries.js';
export type {
  CommentWithLink,
  IntegrationSummary,
  OutboundStatus,
  ReadExecutor,
  RepositorySyncSummary,
} from './reads/read-rows.js';
export type { ReadStatement } from './reads/read-statements.js';
export { ApiTokenRepository, type ApiTokenWithUser } from './repositories/api-token.repository.js';
export {
  type AuditEntry,
  type AuditLogWithActor,
  AuditLogRepository,
} from './repositories/audit-log.repository.js';
export {
  type ConsoleIdentity,
  ConsoleSessionRepository,
  type SigninLinkRedemption,
  type StoredConsoleSession,
} from './repositories/console-session.repository.js';
export {
  IDEMPOTENCY_PENDING,
  IDEMPOTENCY_UNSTORED,
  IdempotencyKeyRepository,
  type IdempotencyRecord,
  type IdempotencyReservation,
} from './repositories/idempotency-key.repository.js';
export { InstallationRepository } from './repositories/installation.repository.js';
export {
  IntegrationAdminRepository,
  type RepositorySyncSettings,
} from './repositories/integration-admin.repository.js';
export {
  type OAuthStateBinding,
  type OAuthStateConsumption,
  OAuthStateRepository,
} from './repositories/oauth-state.repository.js';
export { UserRepository } from './repositories/user.repository.js';
export { DatabaseHealth } from './repositories/database-health.js';
export {
  type CleanupCutoffs,
  type CleanupResult,
  MaintenanceRepository,
} from './repositories/maintenance.repository.js';
export { isDatabaseUnavailable, rethrowUnavailable } from './db-errors.js';
export * from './prisma-types.js';
export {
  GITHUB_MCP_PROVIDER,
  IntegrationRepository,
  type RepositoryIdentity,
  type RepositorySyncWithRepo,
} from './repositories/integration.repository.js';
export { IssueSyncStore } from './repositories/issue-sync-store.repository.js';
export type * from './repositories/issue-sync-store.types.js';
export {
  IssueRepository,
  type IssueListQuery,
  type IssueWithRelations,
} from './repositories/issue.repository.js';
export {
  type CreateSyncJobInput,
  type SyncCheckpoint,
  type SyncJobListQuery,
  SyncJobRepository,
} from './repositories/sync-job.repository.js';
export { ProjectRepository, type ProjectWithIssueCount } from './repositories/project.repository.js';
export {
  type RepositoryDelivery,
  type WebhookStats,
  WebhookStatsRepository,
} from './repositories/webhook-stats.repository.js';
export {
  type LiveToken,
  type TokenPrincipal,
  WorkspaceRepository,
} from './repositories/workspace.repository.js';
export {
  type CommentApplyOutcome,
  type CommentDeleteOutcome,
  CommentEventStore,
  type CommentEventTarget,
} from './repositories/comment-event-store.repository.js';
export {
  type InstallationChange,
  InstallationEventStore,
} from './repositories/installation-event-store.repository.js';
export { IssueEventStore } from './repositories/issue-event-store.repository.js';
export type {
  IssueApplyOutcome,
  IssueApplyResult,
  IssueDeleteOutcome,
  IssueLinkRef,
  IssueSnapshot,
} from './repositories/issue-event.types.js';
export {
  type BatchIssueResult,
  type BatchIssueTarget,
  IssueBatchStore,
} from './repositories/issue-batch-store.repository.js';
export {
  type ClaimedWebhookEvent,
  type GitHubWebhookEvent,
  type NewWebhookEvent,
  SETTLED_WEBHOOK_STATUSES,
  WebhookEventRepository,
  type WebhookEventListQuery,
  type WebhookEventScope,
} from './repositories/webhook-event.repository.js';
export {
  type TargetScope,
  type WebhookRepositoryTarget,
  WebhookTargetRepository,
} from './repositories/webhook-target.repository.js';
export {
  type EditResult,
  IssueEditRepository,
  type WriteTarget,
} from './repositories/issue-edit.repository.js';
export {
  type NewLink,
  type OutboundTarget,
  OutboundStateRepository,
  type PushRecord,
} from './repositories/outbound-state.repository.js';
export {
  type CommentGitHubVersion,
  type NewCommentLink,
  OutboundCommentRepository,
  type PendingCommentEdit,
} from './repositories/outbound-comments.repository.js';
export { OutboundLinkRepository } from './repositories/outbound-link.repository.js';
export {
  InboundMergeRepository,
  type MergeCommit,
  type MergeState,
} from './repositories/inbound-merge.repository.js';
export * from './repositories/outbound.types.js';
export {
  type PullRequestRow,
  PullRequestRepository,
  type SavedPullRequest,
} from './repositories/pull-request.repository.js';
