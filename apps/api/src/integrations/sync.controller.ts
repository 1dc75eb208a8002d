import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AdminOnly, Principal } from '#libs/auth';
import type { TokenPrincipal } from '#libs/db';
import { SyncRequestService, SyncStatusService } from '#libs/sync';
import { syncStatusSchema } from '../docs/responses/status.js';
import { syncJobPageSchema, syncJobSchema, syncRequestResponseSchema } from '../docs/responses/sync-jobs.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../docs/zod-openapi.js';
import { Idempotent } from '../http/idempotency.decorator.js';
import { parseInput } from '../http/zod-input.js';
import { presentJob, presentRequestedJobs } from './sync-job.presenter.js';
import { jobListQuery, presentStatus } from './sync-views.js';
import { SYNC_DIRECTIONS } from '#libs/issues';
import { presentPage, pageRange } from '../http/pagination.js';

const syncBody = z
  .object({
    direction: z.enum(SYNC_DIRECTIONS).optional(),
    force: z.boolean().optional(),
    repository: z
      .string()
      .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, 'must look like "owner/name"')
      .optional(),
  })
  .strict();

@ApiTags('sync')
@Controller('workspaces/:slug/integrations/github-mcp')
export class SyncController {
  constructor(
    private readonly requests: SyncRequestService,
    private readonly statuses: SyncStatusService,
  ) {}

  /** 202 with the new job; 200 with the job already queued or running for that repository. */
  @Post('sync')
  @ApiZodBody(syncBody)
  @AdminOnly()
  @Idempotent()
  @HttpCode(202)
  @ApiZodResponse(202, syncRequestResponseSchema, 'a new job for at least one repository')
  @ApiZodResponse(200, syncRequestResponseSchema, 'every job was already queued or running')
  async sync(
    @Principal() principal: TokenPrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<z.output<typeof syncRequestResponseSchema>> {
    const input = parseInput(syncBody, body);
    const jobs = await this.requests.request(principal.workspaceId, { ...input, trigger: 'manual' });
    if (!jobs.some((j) => j.created)) void res.status(200);
    return presentRequestedJobs(jobs);
  }

  @Get('status')
  @ApiOperation({
    summary: 'Integration, repositories (last sync, cursor age, current job), current and recent jobs',
  })
  @ApiZodResponse(200, syncStatusSchema, 'the integration, its repositories and sync jobs')
  async status(@Principal() principal: TokenPrincipal): Promise<z.output<typeof syncStatusSchema>> {
    return presentStatus(await this.statuses.status(principal.workspaceId));
  }

  @Get('sync-jobs')
  @ApiOperation({ summary: 'Sync job history, newest first, filtered' })
  @ApiZodQuery(jobListQuery)
  @ApiZodResponse(200, syncJobPageSchema, 'one page of jobs')
  async jobs(
    @Principal() principal: TokenPrincipal,
    @Query() query: unknown,
  ): Promise<z.output<typeof syncJobPageSchema>> {
    const input = parseInput(jobListQuery, query);
    const { items, total } = await this.statuses.history(principal.workspaceId, {
      statuses: input.status,
      repository: input.repository,
      triggers: input.trigger,
      directions: input.direction,
      ...pageRange(input),
    });
    return presentPage(
      input,
      items.map((v) => presentJob(v.job, v.repository)),
      total,
    );
  }

  @Get('sync-jobs/:jobId')
  @ApiOperation({ summary: 'One sync job: status, counters, progress, rate-limit wait, error' })
  @ApiZodResponse(200, syncJobSchema, 'the job with its progress')
  async job(@Principal() principal: TokenPrincipal, @Param('jobId') jobId: string) {
    const view = await this.statuses.jobView(principal.workspaceId, jobId);
    return presentJob(view.job, view.repository);
  }
}
