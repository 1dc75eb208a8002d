import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '#libs/common';
import { ApiTokenRepository, type TokenPrincipal } from '#libs/db';
import { authEpochOf } from './auth-epoch.js';
import { bearerTokenHash } from './bearer.js';
import { ConsoleSessionService, SESSION_COOKIE } from './console-session.service.js';
import { readCookie } from './cookies.js';
import { ADMIN_ONLY, type AuthenticatedRequest, PUBLIC_ROUTE } from './principal.js';
import { TokenPrincipals } from './token-principals.js';

interface HttpRequest extends AuthenticatedRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  params: Record<string, string | undefined>;
}

/** `last_used_at` is written at most this often per token and process. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Bearer API token, or else the console session cookie (with `X-CSRF-Token` on POST/PUT/PATCH/DELETE)
 * → principal; a token's principal is read at most once per second per process (TokenPrincipals), the
 * session is re-checked against its token on every request. A route with a `:slug` only answers for the token's own workspace:
 * any other workspace, existing or not, is a 404 so tenants cannot probe each other.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  private readonly logger = new Logger(ApiTokenGuard.name);
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly reflector: Reflector,
    private readonly principals: TokenPrincipals,
    private readonly tokens: ApiTokenRepository,
    private readonly sessions: ConsoleSessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await this.principal(request);
    await this.touch(principal.tokenId);
    const slug = request.params.slug;
    if (slug !== undefined && slug !== principal.workspaceSlug)
      throw new NotFoundError(`workspace ${slug} not found`);
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && principal.role !== 'admin') {
      throw new ForbiddenError('this action needs a workspace admin');
    }
    request.principal = principal;
    return true;
  }

  /** A Bearer header wins over the session cookie when both are present. */
  private async principal(request: HttpRequest): Promise<TokenPrincipal> {
    const header = request.headers.authorization;
    const cookie = readCookie(
      typeof request.headers.cookie === 'string' ? request.headers.cookie : undefined,
      SESSION_COOKIE,
    );
    if (header === undefined && cookie !== undefined) {
      return this.sessions.authenticate(cookie, request.method, request.headers['x-csrf-token']);
    }
    const hash = bearerTokenHash(request);
    if (!hash) throw new UnauthorizedError('missing bearer API token');
    const principal = await this.principals.byHash(hash, authEpochOf(request));
    if (!principal) throw new UnauthorizedError('invalid or revoked API token');
    return principal;
  }

  /** Records the token's use (`last_used_at`); a failure to record never fails the request. */
  private async touch(tokenId: string): Promise<void> {
    const now = Date.now();
    if (now - (this.touched.get(tokenId) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(tokenId, now);
    if (this.touched.size > 10_000) this.touched.clear();
    try {
      await this.tokens.touch(tokenId, new Date(now));
    } catch (error) {
      this.logger.warn(
        `could not record use of API token ${tokenId}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
