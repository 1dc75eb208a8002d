import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Principal } from '#libs/auth';
import type { TokenPrincipal } from '#libs/db';
import { SyncStatusService, SyncStreams } from '#libs/sync';
import {
  JOB_EVENTS_DESCRIPTION,
  STATUS_EVENTS_DESCRIPTION,
  eventStreamSchema,
} from '../docs/console-schemas.js';
import { lastEventId, openEventStream } from '../http/sse.js';
import { presentJob } from './sync-job.presenter.js';
import { presentStatus } from './sync-views.js';

/**
 * Live sync progress as server-sent events, fed by the worker's Redis events (docs/api.md §Live
 * progress). Authorization and the 404 of an unknown job are answered as JSON before any streaming.
 */
@ApiTags('sync')
@Controller('workspaces/:slug/integrations/github-mcp')
export class SyncEventsController {
  constructor(
    private readonly statuses: SyncStatusService,
    private readonly streams: SyncStreams,
  ) {}

  @Get('sync-jobs/:jobId/events')
  @ApiOperation({
    summary: 'Live progress of one sync job (server-sent events)',
    description: JOB_EVENTS_DESCRIPTION,
  })
  @ApiProduces('text/event-stream')
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'the last `id` received; resumes after it',
  })
  @ApiResponse({ status: 200, description: 'the event stream', content: eventStreamSchema('job') })
  async jobEvents(
    @Principal() principal: TokenPrincipal,
    @Param('jobId') jobId: string,
    @Headers('last-event-id') lastId: string | undefined,
    @Res() res: FastifyReply,
  ): Promise<void> {
    await this.streams.streamJob({
      workspaceId: principal.workspaceId,
      jobId,
      lastEventId: lastEventId(lastId),
      load: async () => {
        const view = await this.statuses.jobView(principal.workspaceId, jobId);
        return {
          version: view.job.version,
          status: view.job.status,
          data: presentJob(view.job, view.repository),
        };
      },
      open: () => openEventStream(res),
    });
  }

  @Get('status/events')
  @ApiOperation({
    summary: 'Live workspace sync status (server-sent events)',
    description: STATUS_EVENTS_DESCRIPTION,
  })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'the event stream', content: eventStreamSchema('status') })
  async statusEvents(@Principal() principal: TokenPrincipal, @Res() res: FastifyReply): Promise<void> {
    await this.streams.streamStatus({
      workspaceId: principal.workspaceId,
      load: async () => presentStatus(await this.statuses.status(principal.workspaceId)),
      open: () => openEventStream(res),
    });
  }
}
