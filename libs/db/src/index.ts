// The module, Prisma types, database errors
export { DbModule } from './db.module.js';
export { isDatabaseUnavailable, rethrowUnavailable } from './db-errors.js';
export * from './prisma-types.js';

// Read routes on the pool's prepared statements
export { ReadQueries } from './reads/read-queries.js';
export type {
  CommentWithLink,
  IntegrationSummary,
  IssueWithRelations,
  OutboundStatus,
  ReadExecutor,
  RepositorySyncSummary,
} from './reads/read-rows.js';

// Read models: the answer of one view, composed from the reads above
export {
  type CommentsPage,
  type IssueDetail,
  type IssueListQuery,
  IssueReadModel,
} from './reads/issue.read-model.js';
export { SyncStatusReadModel, type SyncStatusReads } from './reads/sync-status.read-model.js';
export { SyncOverviewReadModel, type SyncOverviewFigures } from './reads/sync-overview.read-model.js';

// Workspaces, members, projects, API tokens, console sessions, idempotency keys
export { ApiTokenRepository, type ApiTokenWithUser } from './access/api-token.repository.js';
export {
  type ConsoleIdentity,
  ConsoleSessionRepository,
  type SigninLinkRedemption,
  type StoredConsoleSession,
} from './access/console-session.repository.js';
export {
  IDEMPOTENCY_PENDING,
  IDEMPOTENCY_UNSTORED,
  IdempotencyKeyRepository,
  type IdempotencyRecord,
  type IdempotencyReservation,
} from './access/idempotency-key.repository.js';
export { UserRepository } from './access/user.repository.js';
export { ProjectRepository, type ProjectWithIssueCount } from './access/project.repository.js';
export { type LiveToken, type TokenPrincipal, WorkspaceRepository } from './access/workspace.repository.js';

// Audit log
export { type AuditEntry, type AuditLogWithActor, AuditLogRepository } from './audit/audit-log.repository.js';

// GitHub integrations: credentials, installations, repository syncs, OAuth state
export { InstallationRepository } from './integrations/installation.repository.js';
export {
  IntegrationAdminRepository,
  type RepositorySyncSettings,
} from './integrations/integration-admin.repository.js';
export {
  IntegrationCredentialRepository,
  type SealForRow,
  type SecretField,
  type StoredSecrets,
} from './integrations/integration-credential.repository.js';
export {
  type OAuthStateBinding,
  type OAuthStateConsumption,
  OAuthStateRepository,
} from './integrations/oauth-state.repository.js';
export {
  GITHUB_MCP_PROVIDER,
  IntegrationRepository,
  type RepositoryIdentity,
  type RepositorySyncWithRepo,
} from './integrations/integration.repository.js';

// Issues: edits, sync pages and batches, webhook events, inbound merges, pull requests
export { IssueSyncStore } from './issues/issue-sync-store.repository.js';
export type * from './issues/issue-sync-store.types.js';
export { IssueEventStore } from './issues/issue-event-store.repository.js';
export type {
  IssueApplyOutcome,
  IssueApplyResult,
  IssueDeleteOutcome,
  IssueLinkRef,
  IssueSnapshot,
} from './issues/issue-event.types.js';
export {
  type BatchIssueResult,
  type BatchIssueTarget,
  IssueBatchStore,
} from './issues/issue-batch-store.repository.js';
export { type EditResult, IssueEditRepository } from './issues/issue-edit.repository.js';
export {
  InboundMergeRepository,
  type MergeCommit,
  type MergeState,
} from './issues/inbound-merge.repository.js';
export {
  type PullRequestRow,
  PullRequestRepository,
  type SavedPullRequest,
} from './issues/pull-request.repository.js';

// Comments from GitHub
export {
  type CommentApplyOutcome,
  type CommentDeleteOutcome,
  CommentEventStore,
  type CommentEventTarget,
} from './comments/comment-event-store.repository.js';
export { CommentEditRepository } from './comments/comment-edit.repository.js';

// What is owed to GitHub: outbound state, links, comments
export { OutboundStateRepository } from './outbound/outbound-state.repository.js';
export {
  type CommentGitHubVersion,
  type NewCommentLink,
  OutboundCommentRepository,
  type PendingCommentEdit,
} from './outbound/outbound-comments.repository.js';
export { OutboundLinkRepository } from './outbound/outbound-link.repository.js';
export * from './outbound/outbound.types.js';

export { type WriteTarget, WriteTargetRepository } from './outbound/write-target.repository.js';

// The webhook inbox: deliveries, their targets and stats
export {
  type RepositoryDelivery,
  type WebhookStats,
  WebhookStatsRepository,
} from './webhook-inbox/webhook-stats.repository.js';
export {
  type InstallationChange,
  InstallationEventStore,
} from './webhook-inbox/installation-event-store.repository.js';
export {
  type ClaimedWebhookEvent,
  type GitHubWebhookEvent,
  type NewWebhookEvent,
  SETTLED_WEBHOOK_STATUSES,
  WebhookEventRepository,
  type WebhookEventListQuery,
  type WebhookEventScope,
} from './webhook-inbox/webhook-event.repository.js';
export {
  type TargetScope,
  type WebhookRepositoryTarget,
  WebhookTargetRepository,
} from './webhook-inbox/webhook-target.repository.js';

// Sync jobs
export {
  type CreateSyncJobInput,
  type SyncCheckpoint,
  type SyncJobListQuery,
  SyncJobRepository,
} from './jobs/sync-job.repository.js';

// Retention and health
export { DatabaseHealth } from './maintenance/database-health.js';
export {
  type CleanupCutoffs,
  type CleanupResult,
  MaintenanceRepository,
} from './maintenance/maintenance.repository.js';
