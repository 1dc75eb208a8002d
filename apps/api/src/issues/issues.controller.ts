import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { z, type output as Output } from 'zod';
import { Principal } from '#libs/auth';
import { NotFoundError } from '#libs/common';
import { type CommentsPage, IssueReadModel, type TokenPrincipal, WorkspaceRepository } from '#libs/db';
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
import { pageFields, pageNumber, pageSize, presentPage, pageRange } from '../http/pagination.js';
import { parseUuid } from '../http/params.js';
import { parseInput } from '../http/zod-input.js';
import { commentBody, createIssueBody, updateIssueBody } from './issue-input.js';
import { presentComment, presentIssue, presentIssueDetail } from './issue.presenter.js';
import { ISSUE_STATES } from '#libs/issues';

const listQuery = z
  .object({
    state: z.enum(ISSUE_STATES).optional(),
    ...pageFields(),
  })
  .strict();

/** Comments of the issue detail come in pages (oldest first); `comments_next_page` is null on the last. */
const detailQuery = z
  .object({
    comments_page: pageNumber(),
    comments_per_page: pageSize(),
  })
  .strict();
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
    private readonly issues: IssueReadModel,
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
      ...pageRange(input),
    });
    return presentPage(input, items.map(presentIssue), total);
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
    const id = parseUuid('issue_id', issueId);
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
    const id = parseUuid('issue_id', issueId);
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
    const id = parseUuid('issue_id', issueId);
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
    const ids = { issue_id: parseUuid('issue_id', issueId), comment_id: parseUuid('comment_id', commentId) };
    const input = parseInput(commentBody, body);
    const { comment, github } = await this.edits.updateComment(
      caller(principal),
      project.id,
      ids.issue_id,
      ids.comment_id,
      input.body,
    );
    const linked = (await this.issues.comment(ids.issue_id, comment.id))?.githubSync ?? null;
    return { ...presentComment({ ...comment, githubSync: linked }), github_sync: github };
  }

  private async detail(
    principal: TokenPrincipal,
    projectId: string,
    issueId: string,
    page: CommentsPage = FIRST_COMMENTS,
  ): Promise<Output<typeof issueDetailSchema>> {
    // One statement: the issue and what it still owes GitHub come from one snapshot (IssueReadModel.detail).
    const detail = await this.issues.detail(principal.workspaceId, projectId, issueId, page);
    if (!detail) throw new NotFoundError(`issue ${issueId} not found`);
    return presentIssueDetail(detail);
  }

  private async project(principal: TokenPrincipal, projectId: string) {
    const id = parseUuid('project_id', projectId);
    const project = await this.workspaces.findProject(principal.workspaceId, id);
    if (!project) throw new NotFoundError(`project ${projectId} not found`);
    return project;
  }
}

function caller(principal: TokenPrincipal): EditCaller {
  return { workspaceId: principal.workspaceId, userId: principal.userId, tokenId: principal.tokenId };
}
