import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AdminOnly, Principal } from '#libs/auth';
import { type Project, ProjectRepository, type TokenPrincipal } from '#libs/db';
import { PROJECT_LIST_VIEW, PROJECT_VIEW } from '../docs/console-schemas.js';
import { ApiZodBody, ApiZodResponse } from '../docs/zod-openapi.js';
import { parseInput } from '../http/zod-input.js';

export const createProjectBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    identifier: z.string().regex(/^[A-Z0-9]{1,10}$/, 'must be 1–10 uppercase letters or digits'),
  })
  .strict();

function presentProject(project: Project, issueCount: number) {
  return {
    id: project.id,
    name: project.name,
    identifier: project.identifier,
    created_at: project.createdAt,
    issue_count: issueCount,
  };
}

/** The workspace's projects (members read, admins create). */
@ApiTags('projects')
@Controller('workspaces/:slug/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectRepository) {}

  @Get()
  @ApiOperation({ summary: 'Projects of the workspace with their issue counts' })
  @ApiZodResponse(200, PROJECT_LIST_VIEW, 'the projects, oldest first')
  async list(@Principal() principal: TokenPrincipal) {
    const projects = await this.projects.listWithIssueCounts(principal.workspaceId);
    return { results: projects.map((p) => presentProject(p, p.issueCount)) };
  }

  @Post()
  @AdminOnly()
  @HttpCode(201)
  @ApiOperation({ summary: 'Creates a project; 409 (field identifier) when the identifier is taken' })
  @ApiZodBody(createProjectBody)
  @ApiZodResponse(201, PROJECT_VIEW, 'the new project')
  async create(@Principal() principal: TokenPrincipal, @Body() body: unknown) {
    const input = parseInput(createProjectBody, body);
    const project = await this.projects.create(principal.workspaceId, input.name, input.identifier);
    return presentProject(project, 0);
  }
}
