import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '#libs/common';
import {
  type GitHubWebhookEvent,
  IntegrationRepository,
  type WebhookEventListQuery,
  WebhookEventRepository,
  type WebhookEventScope,
} from '#libs/db';
import { WebhookEnqueuer } from '../ingestion/webhook-enqueuer.js';

/** What a workspace sees of webhook deliveries: its own events only (others are 404), and replays. */
@Injectable()
export class WebhookEventsService {
  constructor(
    private readonly integrations: IntegrationRepository,
    private readonly events: WebhookEventRepository,
    private readonly enqueuer: WebhookEnqueuer,
  ) {}

  async list(workspaceId: string, query: WebhookEventListQuery) {
    return this.events.listForScope(await this.scope(workspaceId), query);
  }

  async get(workspaceId: string, deliveryId: string): Promise<GitHubWebhookEvent> {
    const event = await this.events.findForScope(await this.scope(workspaceId), deliveryId);
    if (!event) throw new NotFoundError(`webhook delivery ${deliveryId} not found`);
    return event;
  }

  /**
   * Runs a settled event (processed, ignored or failed) again: back to received, then enqueued as a fresh
   * job. The run applies to the replaying workspace's integration only (never to other workspaces'
   * copies of the repository). An event still waiting or in progress is a 409. When Redis is down the
   * relay enqueues it later.
   */
  async replay(workspaceId: string, deliveryId: string): Promise<GitHubWebhookEvent> {
    const scope = await this.scope(workspaceId);
    const event = await this.events.findForScope(scope, deliveryId);
    if (!event) throw new NotFoundError(`webhook delivery ${deliveryId} not found`);
    if (!(await this.events.resetForReplay(event.deliveryId, scope.integrationId))) {
      throw new ConflictError(
        `webhook delivery ${deliveryId} is ${event.status}; replay it once it has settled`,
      );
    }
    try {
      await this.enqueuer.enqueueAgain(event.deliveryId);
      await this.events.markQueued([event.deliveryId]);
    } catch {
      // Committed as received: the relay enqueues it once Redis answers.
    }
    return (await this.events.findByDeliveryId(event.deliveryId)) ?? event;
  }

  private async scope(workspaceId: string): Promise<WebhookEventScope> {
    const integration = await this.integrations.findForWorkspace(workspaceId);
    if (!integration) throw new NotFoundError('GitHub is not connected for this workspace');
    return { integrationId: integration.id, installationId: integration.installationId };
  }
}
