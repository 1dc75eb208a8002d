import { Module } from '@nestjs/common';
import { InboundMerger } from './conflicts/inbound-merger.js';
import { SyncEventHub } from './events/sync-event-hub.js';
import { SyncJobEvents } from './events/sync-job-events.js';
import { SyncStreams } from './events/sync-streams.js';
import { CommentEditPusher } from './outbound/comment-edit-pusher.js';
import { CommentPusher } from './outbound/comment-pusher.js';
import { CreateLookup } from './outbound/create-lookup.js';
import { IssueEditService } from './outbound/issue-edit.service.js';
import { IssueCreator } from './outbound/issue-creator.js';
import { IssuePusher } from './outbound/issue-pusher.js';
import { OutboundPass } from './outbound/outbound-pass.js';
import { ReadBack } from './outbound/read-back.js';
import { SyncIssueHandler } from './outbound/sync-issue.handler.js';
import { WritePermits } from './outbound/write-permits.js';
import { PullRequestRecorder } from './pull-requests/pull-request-recorder.js';
import { PullRequestSync } from './pull-requests/pull-request-sync.js';
import { RepositorySyncRunner } from './repository-sync-runner.js';
import { PeriodicSyncHandler } from './schedules/periodic-sync.handler.js';
import { SyncJobReconciler } from './schedules/sync-job-reconciler.js';
import { SyncRepositoryHandler } from './sync-repository.handler.js';
import { GitHubJobFailures } from './github-failures.js';
import { SyncRequestService } from './sync-request.service.js';
import { SyncOverviewService } from './sync-overview.service.js';
import { SyncStatusService } from './sync-status.service.js';

/**
 * Recording pull requests and merging GitHub views into locally edited issues: used by the from_github
 * pass and by webhook processing (import this module there). Needs DbModule.
 */
@Module({
  providers: [PullRequestRecorder, InboundMerger],
  exports: [PullRequestRecorder, InboundMerger],
})
export class SyncSharedModule {}

/**
 * Requesting syncs, reading their status and streaming it live (API side). Needs DbModule, QueueModule,
 * SecretsModule and RateLimitModule.
 */
@Module({
  providers: [
    SyncRequestService,
    SyncStatusService,
    SyncOverviewService,
    IssueEditService,
    SyncJobEvents,
    SyncEventHub,
    SyncStreams,
  ],
  exports: [
    SyncRequestService,
    SyncStatusService,
    SyncOverviewService,
    IssueEditService,
    SyncJobEvents,
    SyncStreams,
  ],
})
export class SyncApiModule {}

const OUTBOUND = [
  WritePermits,
  CreateLookup,
  CommentPusher,
  CommentEditPusher,
  ReadBack,
  IssueCreator,
  IssuePusher,
  SyncIssueHandler,
  OutboundPass,
  PullRequestSync,
];

/**
 * Running syncs (worker side). Needs DbModule, QueueModule, SecretsModule, GitHubMcpModule and
 * RateLimitModule.
 */
@Module({
  imports: [SyncSharedModule],
  providers: [
    RepositorySyncRunner,
    GitHubJobFailures,
    SyncRepositoryHandler,
    SyncRequestService,
    PeriodicSyncHandler,
    SyncJobReconciler,
    SyncJobEvents,
    ...OUTBOUND,
  ],
  exports: [
    RepositorySyncRunner,
    SyncRepositoryHandler,
    PeriodicSyncHandler,
    SyncJobReconciler,
    SyncIssueHandler,
    OutboundPass,
    PullRequestSync,
    SyncSharedModule,
  ],
})
export class SyncWorkerModule {}
