import { Controller, Get, Inject, Req } from '@nestjs/common';
import type { Request } from 'express';
import { Public, actorOf } from '#libs/auth';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { GitHubOAuthService } from '#libs/integrations';
import type { z } from 'zod';
import { oauthCallbackResponseSchema } from '../docs/responses/integration.js';
import { ApiZodResponse } from '../docs/zod-openapi.js';
import { presentIntegration } from '../integrations/sync-job.presenter.js';
import { publicApiUrl } from '../http/public-url.js';

/** The redirect_uri of the OAuth flow: GITHUB_CALLBACK_URL, or this route's public URL. */
export function oauthCallbackUrl(req: Request, config: AppConfig): string {
  return config.github.oauth?.callbackUrl ?? publicApiUrl(req, config, 'auth/github/callback');
}

/**
 * Where GitHub sends the admin's browser back. Answers JSON (no redirect): 200
 * `{status: "connected", workspace_id, integration}`; a bad, expired or reused state, denied consent or
 * a failed code exchange is a 4xx error and stores nothing.
 */
@Controller('auth/github')
export class OAuthCallbackController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oauth: GitHubOAuthService,
  ) {}

  @Get('callback')
  @Public()
  @ApiZodResponse(200, oauthCallbackResponseSchema, 'connected')
  async callback(@Req() req: Request): Promise<z.output<typeof oauthCallbackResponseSchema>> {
    const { workspaceId, integration } = await this.oauth.complete(req, oauthCallbackUrl(req, this.config), {
      ...actorOf(undefined, req),
      via: 'oauth_callback',
    });
    return { status: 'connected', workspace_id: workspaceId, integration: presentIntegration(integration) };
  }
}
