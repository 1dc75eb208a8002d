import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { AdminOnly, Principal } from '#libs/auth';
import type { TokenPrincipal } from '#libs/db';
import { SyncRequestService, SyncStatusService } from '#libs/sync';
import { JOB_LIST_VIEW, JOB_VIEW, STATUS_VIEW } from '../docs/console-schemas.js';
import { ApiZodQuery, ApiZodResponse } from '../docs/zod-openapi.js';
import { Idempotent } from '../http/idempotency.decorator.js';
import { parseInput } from '../http/zod-input.js';
import { presentJob } from './sync-job.presenter.js';
import { jobListQuery, presentStatus } from './sync-views.js';

const syncBody = z
  .object({
    direction: z.enum(['from_github', 'to_github', 'bidirectional']).optional(),
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
  @AdminOnly()
  @Idempotent()
  @HttpCode(202)
  async sync(
    @Principal() principal: TokenPrincipal,
    @Body() body: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const input = parseInput(syncBody, body);
    const jobs = await this.requests.request(principal.workspaceId, { ...input, trigger: 'manual' });
    if (!jobs.some((j) => j.created)) res.status(200);
    const [first] = jobs;
    return {
      job_id: first?.job.jobId,
      status: first?.job.status,
      jobs: jobs.map((j) => ({
        job_id: j.job.jobId,
        status: j.job.status,
        repository: `${j.repository.repository.owner}/${j.repository.repository.name}`,
        created: j.created,
      })),
    };
  }

  @Get('status')
  @ApiOperation({
    summary: 'Integration, repositories (last sync, cursor age, current job), current and recent jobs',
  })
  @ApiZodResponse(200, STATUS_VIEW, 'the workspace sync status')
  async status(@Principal() principal: TokenPrincipal) {
    return presentStatus(await this.statuses.status(principal.workspaceId));
  }

  @Get('sync-jobs')
  @ApiOperation({ summary: 'Sync job history, newest first, filtered' })
  @ApiZodQuery(jobListQuery)
  @ApiZodResponse(200, JOB_LIST_VIEW, 'one page of jobs')
  async jobs(@Principal() principal: TokenPrincipal, @Query() query: unknown) {
    const input = parseInput(jobListQuery, query);
    const { items, total } = await this.statuses.history(principal.workspaceId, {
      statuses: input.status,
      repository: input.repository,
      triggers: input.trigger,
      directions: input.direction,
      page: input.page,
      perPage: input.per_page,
    });
    return {
      results: items.map((v) => presentJob(v.job, v.repository)),
      total,
      page: input.page,
      per_page: input.per_page,
    };
  }

  @Get('sync-jobs/:jobId')
  @ApiOperation({ summary: 'One sync job: status, counters, progress, rate-limit wait, error' })
  @ApiZodResponse(200, JOB_VIEW, 'the job')
  async job(@Principal() principal: TokenPrincipal, @Param('jobId') jobId: string) {
    const view = await this.statuses.jobView(principal.workspaceId, jobId);
    return presentJob(view.job, view.repository);
  }
}
