import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '#libs/auth';
import { UnauthorizedError } from '#libs/common';
import { APP_CONFIG, type AppConfig, integrationEnabled } from '#libs/config';
import { ConsoleSessionRepository, type TokenPrincipal } from '#libs/db';
import { ApiZodResponse } from '../docs/zod-openapi.js';
import { meView } from './console-schemas.js';

/** Who the caller is in the workspace (Bearer token or console session alike). */
@ApiTags('console')
@Controller('workspaces/:slug/me')
export class MeController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identities: ConsoleSessionRepository,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The caller: workspace, user with role, and whether the GitHub integration is on',
  })
  @ApiZodResponse(200, meView, 'the caller')
  async me(@Principal() principal: TokenPrincipal) {
    const identity = await this.identities.identityOfToken(principal.tokenId);
    if (!identity) throw new UnauthorizedError('invalid or revoked API token');
    return {
      workspace: identity.workspace,
      user: identity.user,
      integration_enabled: integrationEnabled(this.config),
    };
  }
}
