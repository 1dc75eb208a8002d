import { Module } from '@nestjs/common';
import { SyncSharedModule } from '#libs/sync';
import { WebhookEventsService } from './events/webhook-events.service.js';
import { DeliveryInbox } from './ingestion/delivery-inbox.js';
import { IntegrationSecretMatcher } from './ingestion/integration-secret-matcher.js';
import { WebhookSignatureVerifier } from './ingestion/signature-verifier.js';
import { WebhookEnqueuer } from './ingestion/webhook-enqueuer.js';
import { WebhookIngestionService } from './ingestion/webhook-ingestion.service.js';
import { IssueFastPath } from './processing/batch/issue-fast-path.js';
import { InstallationEventHandler } from './processing/handlers/installation.handler.js';
import { IssueCommentEventHandler } from './processing/handlers/issue-comment.handler.js';
import { IssuesEventHandler } from './processing/handlers/issues.handler.js';
import { PingEventHandler } from './processing/handlers/ping.handler.js';
import { PullRequestEventHandler } from './processing/handlers/pull-request.handler.js';
import { RepositoryEventHandler } from './processing/handlers/repository.handler.js';
import { WebhookIssueApplier } from './processing/issue-applier.js';
import { ProcessWebhookEventHandler } from './processing/process-webhook-event.handler.js';
import { RepositoryTargets } from './processing/repository-targets.js';
import { WebhookEventRouter } from './processing/webhook-event.router.js';
import { WebhookRelay } from './relay/webhook-relay.service.js';

/**
 * API side: receiving deliveries (verify, persist, enqueue), the relay for events committed while Redis
 * was down, and the workspace's event list / replay. Needs DbModule, SecretsModule and QueueModule.
 */
@Module({
  providers: [
    WebhookSignatureVerifier,
    IntegrationSecretMatcher,
    WebhookEnqueuer,
    DeliveryInbox,
    WebhookIngestionService,
    WebhookRelay,
    WebhookEventsService,
  ],
  exports: [WebhookIngestionService, WebhookEventsService, WebhookRelay],
})
export class WebhooksApiModule {}

/** Worker side: `process_webhook_event`. Needs DbModule and QueueModule. */
@Module({
  imports: [SyncSharedModule],
  providers: [
    RepositoryTargets,
    WebhookIssueApplier,
    IssuesEventHandler,
    IssueCommentEventHandler,
    PullRequestEventHandler,
    InstallationEventHandler,
    RepositoryEventHandler,
    PingEventHandler,
    WebhookEventRouter,
    IssueFastPath,
    ProcessWebhookEventHandler,
  ],
  exports: [ProcessWebhookEventHandler],
})
export class WebhooksWorkerModule {}
