import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { InstallationEventHandler } from './handlers/installation.handler.js';
import { IssueCommentEventHandler } from './handlers/issue-comment.handler.js';
import { IssuesEventHandler } from './handlers/issues.handler.js';
import { PingEventHandler } from './handlers/ping.handler.js';
import { PullRequestEventHandler } from './handlers/pull-request.handler.js';
import { RepositoryEventHandler } from './handlers/repository.handler.js';
import {
  type EventOutcome,
  type WebhookEventContext,
  type WebhookEventProcessor,
  ignored,
} from './outcome.js';

/** Events that change workspace data; they wait while the integration is switched off. */
const SYNC_EVENTS = new Set(['issues', 'issue_comment', 'pull_request']);

/** X-GitHub-Event → its processor; anything else is `ignored` with the reason. */
@Injectable()
export class WebhookEventRouter {
  private readonly processors: ReadonlyMap<string, WebhookEventProcessor>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    issues: IssuesEventHandler,
    comments: IssueCommentEventHandler,
    pullRequests: PullRequestEventHandler,
    installations: InstallationEventHandler,
    repositories: RepositoryEventHandler,
    ping: PingEventHandler,
  ) {
    this.processors = new Map<string, WebhookEventProcessor>([
      ['issues', issues],
      ['issue_comment', comments],
      ['pull_request', pullRequests],
      ['installation', installations],
      ['installation_repositories', installations],
      ['repository', repositories],
      ['ping', ping],
    ]);
  }

  route(context: WebhookEventContext): Promise<EventOutcome> {
    const type = context.event.eventType;
    const processor = this.processors.get(type);
    if (!processor) return Promise.resolve(ignored(`${type} events are not handled`));
    if (SYNC_EVENTS.has(type) && !this.config.sync.enabled) {
      return Promise.resolve(
        ignored('the GitHub integration is disabled (ENABLE_GITHUB_MCP_INTEGRATION=false)'),
      );
    }
    return processor.handle(context);
  }
}
