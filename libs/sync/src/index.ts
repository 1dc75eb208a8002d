export { mapLimit } from './concurrency.js';
export { IssuePageReader, type IssueReader, type ReadPage } from './issue-page-reader.js';
export { ClosedIssueFeed } from './close-details/closed-issue-feed.js';
export { commentContentHash, issueContentHash } from './mapping/content-hash.js';
export { issueHtmlUrl, toCommentRecord, toIssueRecord } from './mapping/issue-mapper.js';
export { RepositorySyncRunner, SINCE_OVERLAP_MS } from './repository-sync-runner.js';
export type { RunSummary } from './run-summary.js';
export { PeriodicSyncHandler } from './schedules/periodic-sync.handler.js';
export {
  LOST_JOB_MESSAGE,
  RECONCILE_GRACE_MS,
  type ReconcileResult,
  SyncJobReconciler,
} from './schedules/sync-job-reconciler.js';
export { SyncRepositoryHandler } from './sync-repository.handler.js';
export { type RequestedJob, type SyncRequest, SyncRequestService } from './sync-request.service.js';
export {
  type JobHistoryQuery,
  type JobView,
  SyncStatusService,
  nameOf,
  repositoryNames,
} from './sync-status.service.js';
export { SyncApiModule, SyncSharedModule, SyncWorkerModule } from './sync.module.js';
export { InboundMerger, type InboundMergeResult } from './conflicts/inbound-merger.js';
export {
  type EditCaller,
  type GitHubSyncNote,
  IssueEditService,
  type IssuePatchRequest,
  type NewIssueRequest,
  syncIssueJobId,
} from './outbound/issue-edit.service.js';
export { IssuePusher } from './outbound/issue-pusher.js';
export type { PushSummary } from './outbound/push-context.js';
export { OutboundPass } from './outbound/outbound-pass.js';
export { SyncIssueHandler, upToDate } from './outbound/sync-issue.handler.js';
export { OutboundDeferred, WritePermits } from './outbound/write-permits.js';
export { closingIssueNumbers } from './pull-requests/closing-references.js';
export {
  PullRequestRecorder,
  type PullRequestRecordResult,
  type PullRequestSnapshot,
  fromMcpPullRequest,
} from './pull-requests/pull-request-recorder.js';
export {
  PULL_REQUEST_OVERLAP_MS,
  type PullRequestPassSummary,
  PullRequestSync,
  shouldListPullRequests,
} from './pull-requests/pull-request-sync.js';
export type { EventSink, JobSnapshot } from './events/event-sink.js';
export {
  type ChangedJob,
  type SyncJobChange,
  TERMINAL_JOB_STATUSES,
  decodeChange,
  encodeChange,
  eventsChannel,
} from './events/sync-event-channel.js';
export { SyncEventHub } from './events/sync-event-hub.js';
export { type Publisher, SyncJobEvents } from './events/sync-job-events.js';
export { STATUS_COALESCE_MS } from './events/status-feed.js';
export { type JobStreamRequest, type StatusStreamRequest, SyncStreams } from './events/sync-streams.js';
export { type StaleRepository, type SyncOverview, SyncOverviewService } from './sync-overview.service.js';
