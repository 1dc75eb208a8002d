import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminOnly, Principal } from '#libs/auth';
import type { TokenPrincipal } from '#libs/db';
import { WebhookEventsService } from '#libs/webhooks';
import {
  webhookEventDetailSchema,
  webhookEventPageSchema,
  webhookEventSchema,
} from '../docs/responses/webhook-events.js';
import { ApiZodQuery, ApiZodResponse } from '../docs/zod-openapi.js';
import { parseInput } from '../http/zod-input.js';
import { presentWebhookEvent, presentWebhookEventDetail } from './webhook-event.presenter.js';
import { pageFields, presentPage, pageRange } from '../http/pagination.js';

const listQuery = z
  .object({
    status: z.enum(['received', 'queued', 'processing', 'processed', 'failed', 'ignored']).optional(),
    event: z
      .string()
      .regex(/^[a-z_]{1,64}$/, 'must be a GitHub event name')
      .optional(),
    ...pageFields(),
  })
  .strict();
const deliveryParam = z.object({ delivery_id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be a GUID') });

/** The workspace's webhook deliveries (members) and replays (admins). Other workspaces' events are 404. */
@ApiTags('webhooks')
@Controller('workspaces/:slug/integrations/github-mcp/webhook-events')
export class WebhookEventsController {
  constructor(private readonly events: WebhookEventsService) {}

  @Get()
  @ApiOperation({ summary: 'Webhook deliveries of the workspace, newest first' })
  @ApiZodQuery(listQuery)
  @ApiZodResponse(200, webhookEventPageSchema, 'deliveries, newest first')
  async list(
    @Principal() principal: TokenPrincipal,
    @Query() query: unknown,
  ): Promise<z.output<typeof webhookEventPageSchema>> {
    const input = parseInput(listQuery, query);
    const { items, total } = await this.events.list(principal.workspaceId, {
      status: input.status,
      eventType: input.event,
      ...pageRange(input),
    });
    return presentPage(input, items.map(presentWebhookEvent), total);
  }

  @Get(':deliveryId')
  @ApiOperation({ summary: 'One delivery with its payload, result or error' })
  @ApiZodResponse(200, webhookEventDetailSchema, 'the delivery with its payload')
  async get(@Principal() principal: TokenPrincipal, @Param('deliveryId') deliveryId: string) {
    const { delivery_id } = parseInput(deliveryParam, { delivery_id: deliveryId });
    return presentWebhookEventDetail(await this.events.get(principal.workspaceId, delivery_id));
  }

  /** 202: the event is queued again (or committed for the relay when Redis is down). */
  @Post(':deliveryId/replay')
  @ApiOperation({ summary: 'Process a settled delivery again (409 while it is still queued or processing)' })
  @AdminOnly()
  @HttpCode(202)
  @ApiZodResponse(202, webhookEventSchema, 'queued again')
  async replay(@Principal() principal: TokenPrincipal, @Param('deliveryId') deliveryId: string) {
    const { delivery_id } = parseInput(deliveryParam, { delivery_id: deliveryId });
    return presentWebhookEvent(await this.events.replay(principal.workspaceId, delivery_id));
  }
}
