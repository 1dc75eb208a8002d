export {
  IntegrationAuthKind,
  IntegrationStatus,
  MemberRole,
  SyncJobStatus,
  SyncTrigger,
  WebhookEventStatus,
} from '../../../prisma/generated/client/enums.js';
export type {
  ApiToken,
  AuditLog,
  GitHubInstallation,
  GitHubRepository,
  GitHubRepositorySync,
  GitHubSyncJob,
  Issue,
  IssueComment,
  Project,
  User,
  Workspace,
  WorkspaceIntegration,
} from '../../../prisma/generated/client/client.js';
export { Prisma } from '../../../prisma/generated/client/client.js';
