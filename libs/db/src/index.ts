export { DbModule } from './db.module.js';
export { DatabaseHealth } from './repositories/database-health.js';
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
  SyncJobRepository,
} from './repositories/sync-job.repository.js';
export { type TokenPrincipal, WorkspaceRepository } from './repositories/workspace.repository.js';
