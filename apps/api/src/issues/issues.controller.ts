import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z, type output as Output } from 'zod';
import { Principal } from '#libs/auth';
import { NotFoundError } from '#libs/common';
import { IssueRepository, OutboundStateRepository, type TokenPrincipal, WorkspaceRepository } from '#libs/db';
import { type EditCaller, IssueEditService } from '#libs/sync';
import {
  commentWriteSchema,
  issueCreatedSchema,
  issueDetailSchema,
  issuePageSchema,
  issueUpdatedSchema,
} from '../docs/responses/issues.js';
import { ApiZodBody, ApiZodQuery, ApiZodResponse } from '../docs/zod-openapi.js';
import { Idempotent } from '../http/idempotency.decorator.js';
import { parseInput } from '../http/zod-input.js';
import { commentBody, createIssueBody, updateIssueBody, uuid } from './issue-input.js';
import { presentComment, presentIssue, presentOutbound } from './issue.presenter.js';
import { ISSUE_STATES } from '#libs/issues';

const listQuery = z
  .object({
    state: z.enum(ISSUE_STATES).optional(),
    page: z.coerce.number().int().min(1).default(1),
    per_page: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

/** Comments of the issue detail come in pages (oldest first); `comments_next_page` is null on the last. */
const detailQuery = z
  .object({
    comments_page: z.coerce.number().int().min(1).default(1),
    comments_per_page: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
type CommentsPage = { page: number; perPage: number };
const FIRST_COMMENTS: CommentsPage = { page: 1, perPage: 50 };

/**
 * Workspace issues and comments. Any workspace member may read and write them (writing issues is what a
 * tracker's members do; admin-only are connecting, configuring, syncing and replaying). Writes to an issue
 * whose repository syncs to_github or bidirectionally are written to GitHub by a `sync_issue` job; the
 * answer's `github_sync` says whether one was queued.
 */
@Controller('workspaces/:slug/projects/:projectId/issues')
export class IssuesController {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly issues: IssueRepository,
    private readonly outbound: OutboundStateRepository,
    private readonly edits: IssueEditService,
  ) {}

  @Get()
  @ApiZodQuery(listQuery)
  @ApiZodResponse(200, issuePageSchema, 'issues of the project')
  async list(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Query() query: unknown,
  ): Promise<Output<typeof issuePageSchema>> {
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
  @ApiOperation({ summary: 'One issue with a page of its comments (oldest first) and its GitHub link' })
  @ApiZodQuery(detailQuery)
  @ApiZodResponse(200, issueDetailSchema, 'the issue with a page of its comments')
  async get(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Param('issueId') issueId: string,
    @Query() query: unknown,
  ): Promise<Output<typeof issueDetailSchema>> {
    const project = await this.project(principal, projectId);
    const id = parseInput(z.object({ issue_id: uuid }), { issue_id: issueId }).issue_id;
    const input = parseInput(detailQuery, query);
    return this.detail(principal, project.id, id, {
      page: input.comments_page,
      perPage: input.comments_per_page,
    });
  }

  @Post()
  @ApiZodBody(createIssueBody)
  @Idempotent()
  @HttpCode(201)
  @ApiZodResponse(201, issueCreatedSchema, 'created')
  async create(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Body() body: unknown,
  ): Promise<Output<typeof issueCreatedSchema>> {
    const project = await this.project(principal, projectId);
    const input = parseInput(createIssueBody, body);
    const { issueId, github } = await this.edits.createIssue(caller(principal), project.id, input);
    return { ...(await this.detail(principal, project.id, issueId)), github_sync: github };
  }

  @Patch(':issueId')
  @ApiZodBody(updateIssueBody)
  @ApiZodResponse(200, issueUpdatedSchema, 'updated')
  async update(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Param('issueId') issueId: string,
    @Body() body: unknown,
  ): Promise<Output<typeof issueUpdatedSchema>> {
    const project = await this.project(principal, projectId);
    const id = parseInput(z.object({ issue_id: uuid }), { issue_id: issueId }).issue_id;
    const input = parseInput(updateIssueBody, body);
    const { github, changed } = await this.edits.updateIssue(caller(principal), project.id, id, input);
    return { ...(await this.detail(principal, project.id, id)), changed, github_sync: github };
  }

  @Post(':issueId/comments')
  @ApiZodBody(commentBody)
  @Idempotent()
  @HttpCode(201)
  @ApiZodResponse(201, commentWriteSchema, 'created')
  async createComment(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Param('issueId') issueId: string,
    @Body() body: unknown,
  ): Promise<Output<typeof commentWriteSchema>> {
    const project = await this.project(principal, projectId);
    const id = parseInput(z.object({ issue_id: uuid }), { issue_id: issueId }).issue_id;
    const input = parseInput(commentBody, body);
    const { comment, github } = await this.edits.createComment(caller(principal), project.id, id, input.body);
    return { ...presentComment({ ...comment, githubSync: null }), github_sync: github };
  }

  @Patch(':issueId/comments/:commentId')
  @ApiZodBody(commentBody)
  @ApiZodResponse(200, commentWriteSchema, 'updated')
  async updateComment(
    @Principal() principal: TokenPrincipal,
    @Param('projectId') projectId: string,
    @Param('issueId') issueId: string,
    @Param('commentId') commentId: string,
    @Body() body: unknown,
  ): Promise<Output<typeof commentWriteSchema>> {
    const project = await this.project(principal, projectId);
    const ids = parseInput(z.object({ issue_id: uuid, comment_id: uuid }), {
      issue_id: issueId,
      comment_id: commentId,
    });
    const input = parseInput(commentBody, body);
    const { comment, github } = await this.edits.updateComment(
      caller(principal),
      project.id,
      ids.issue_id,
      ids.comment_id,
      input.body,
    );
    const comments = await this.issues.listComments(ids.issue_id);
    const linked = comments.find((c) => c.id === comment.id)?.githubSync ?? null;
    return { ...presentComment({ ...comment, githubSync: linked }), github_sync: github };
  }

  private async detail(
    principal: TokenPrincipal,
    projectId: string,
    issueId: string,
    page: CommentsPage = FIRST_COMMENTS,
  ): Promise<Output<typeof issueDetailSchema>> {
    // What is still owed to GitHub is read before the issue: a sync_issue job that finishes between the
    // reads then shows as still owed (the client looks again), never as done beside the fields from before.
    const outbound = await this.outbound.status(issueId);
    const [issue, comments] = await Promise.all([
      this.issues.findOne(principal.workspaceId, projectId, issueId),
      this.issues.listCommentsPage(issueId, page.page, page.perPage),
    ]);
    if (!issue) throw new NotFoundError(`issue ${issueId} not found`);
    const more = page.page * page.perPage < comments.total;
    return {
      ...presentIssue(issue),
      comments: comments.items.map(presentComment),
      comments_total: comments.total,
      comments_page: page.page,
      comments_per_page: page.perPage,
      comments_next_page: more ? page.page + 1 : null,
      github_outbound: presentOutbound(outbound),
    };
  }

  private async project(principal: TokenPrincipal, projectId: string) {
    const id = parseInput(z.object({ project_id: uuid }), { project_id: projectId }).project_id;
    const project = await this.workspaces.findProject(principal.workspaceId, id);
    if (!project) throw new NotFoundError(`project ${projectId} not found`);
    return project;
  }
}

function caller(principal: TokenPrincipal): EditCaller {
  return { workspaceId: principal.workspaceId, userId: principal.userId, tokenId: principal.tokenId };
}
