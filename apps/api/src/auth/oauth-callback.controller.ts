import { Controller, Get, Inject, Logger, Redirect, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply as Response, FastifyRequest as Request } from 'fastify';
import { Public, actorOf, readCookie } from '#libs/auth';
import { DomainError } from '#libs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { GitHubOAuthService, OAuthCallbackError, type OAuthErrorCode } from '#libs/integrations';
import { OAUTH_COOKIE, consoleUrl, setOAuthCookie } from '../console/cookies.js';
import { publicApiUrl } from '../http/public-url.js';

/** The redirect_uri of the OAuth flow: GITHUB_CALLBACK_URL, or this route's public URL. */
export function oauthCallbackUrl(req: Request, config: AppConfig): string {
  return config.github.oauth?.callbackUrl ?? publicApiUrl(req, config, 'auth/github/callback');
}

function errorCode(error: unknown): OAuthErrorCode {
  if (error instanceof OAuthCallbackError) return error.code;
  if (error instanceof DomainError && error.kind === 'invalid') return 'code_rejected';
  return 'github_unavailable';
}

/**
 * Where GitHub sends the admin's browser back. The callback only completes in the browser that started
 * the flow (its `ghsync_oauth` cookie holds the nonce the state records); every outcome is a 303 to the
 * console: `#/connect?oauth=connected&login=<login>` or `#/connect?oauth_error=<code>`. A failure stores
 * nothing; the state is single use whatever the outcome, and the cookie is cleared.
 */
@ApiTags('integrations')
@Controller('auth/github')
export class OAuthCallbackController {
  private readonly logger = new Logger(OAuthCallbackController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oauth: GitHubOAuthService,
  ) {}

  @Get('callback')
  @Public()
  @Redirect()
  @ApiOperation({
    summary: "GitHub's OAuth redirect back (the browser's, never an API client's)",
    description:
      'Needs the `ghsync_oauth` cookie set by `oauth/authorize`. Answers 303 to `<base>/console/#/connect?oauth=connected&login=<github login>` or `<base>/console/#/connect?oauth_error=<code>` with code `access_denied`, `state_invalid`, `state_expired`, `state_mismatch` (another browser), `code_rejected` or `github_unavailable`; clears the cookie.',
  })
  @ApiQuery({ name: 'code', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'state', required: false, schema: { type: 'string' } })
  @ApiQuery({ name: 'error', required: false, schema: { type: 'string' } })
  @ApiResponse({
    status: 303,
    description: 'to the console with the outcome',
    headers: { Location: { schema: { type: 'string' } } },
  })
  async callback(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const nonce = readCookie(req.headers.cookie, OAUTH_COOKIE);
    setOAuthCookie(req, res, this.config, undefined);
    try {
      const { integration } = await this.oauth.complete(
        req,
        oauthCallbackUrl(req, this.config),
        { ...actorOf(undefined, req), via: 'oauth_callback' },
        nonce,
      );
      const login = encodeURIComponent(integration.githubLogin ?? '');
      return {
        url: consoleUrl(req, this.config, `#/connect?oauth=connected&login=${login}`),
        statusCode: 303,
      };
    } catch (error) {
      const code = errorCode(error);
      const message = error instanceof Error ? error.message : String(error);
      if (code === 'github_unavailable') this.logger.warn(`OAuth callback failed: ${message}`);
      else this.logger.log(`OAuth callback refused (${code}): ${message}`);
      return { url: consoleUrl(req, this.config, `#/connect?oauth_error=${code}`), statusCode: 303 };
    }
  }
}
