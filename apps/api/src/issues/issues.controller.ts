import { Controller, Get, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { Principal } from '#libs/auth';
import { NotFoundError } from '#libs/common';
import { IssueRepository, type TokenPrincipal, WorkspaceRepository } from '#libs/db';
import { parseInput } from '../http/zod-input.js';
import { presentComment, presentIssue } from './issue.presenter.js';

const uuid = z.string().uuid('must be a UUID');
const listQuery = z
  .object({
    state: z.enum(['backlog', 'unstarted', 'started', 'done', 'cancelled']).optional(),
    page: z.coerce.number().int().min(1).default(1),
    per_page: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

@Controller('workspaces/:slug/projects/:projectId/issues')
export class IssuesController {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly issues: IssueRepository,
  ) {}

  @Get()
  async list(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Query() query: unknown,
  ) {
    const project = await this.project(principal, projectId);
    const input = parseInput(listQuery, query);
    const { items, total } = await this.issues.list({
      workspaceId: principal.workspaceId,
      projectId: project.id,
      state: input.state,
      page: input.page,
      perPage: input.per_page,
    });
    return { results: items.map(presentIssue), page: input.page, per_page: input.per_page, total };
  }

  @Get(':issueId')
  async get(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Param('issueId') issueId: string,
  ) {
    const project = await this.project(principal, projectId);
    const id = parseInput(z.object({ issue_id: uuid }), { issue_id: issueId }).issue_id;
    const issue = await this.issues.findOne(principal.workspaceId, project.id, id);
    if (!issue) throw new NotFoundError(`issue ${issueId} not found`);
    const comments = await this.issues.listComments(issue.id);
    return { ...presentIssue(issue), comments: comments.map(presentComment) };
  }

  private async project(principal: TokenPrincipal, projectId: string) {
    const id = parseInput(z.object({ project_id: uuid }), { project_id: projectId }).project_id;
    const project = await this.workspaces.findProject(principal.workspaceId, id);
    if (!project) throw new NotFoundError(`project ${projectId} not found`);
    return project;
  }
}
