export { mapLimit } from './concurrency.js';
export { IssuePageReader, type IssueReader, type ReadPage } from './issue-page-reader.js';
export { commentContentHash, issueContentHash } from './mapping/content-hash.js';
export { issueHtmlUrl, toCommentRecord, toIssueRecord } from './mapping/issue-mapper.js';
export {
  DEFAULT_STATE_MAPPING,
  mapGitHubState,
  parseStateMapping,
  type StateMapping,
} from './mapping/state-mapping.js';
export { RepositorySyncRunner, type RunSummary, SINCE_OVERLAP_MS } from './repository-sync-runner.js';
export { SyncRepositoryHandler } from './sync-repository.handler.js';
export { type RequestedJob, type SyncRequest, SyncRequestService } from './sync-request.service.js';
export { SyncStatusService } from './sync-status.service.js';
export { SyncApiModule, SyncWorkerModule } from './sync.module.js';
