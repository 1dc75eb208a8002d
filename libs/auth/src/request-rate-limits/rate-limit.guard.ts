import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { noteAuthEpoch } from '../auth-epoch.js';
import { bearerTokenHash } from '../bearer.js';
import { RATE_LIMIT_OVERRIDE, type RateLimitOverride, SKIP_RATE_LIMIT } from './rate-limit.decorators.js';
import type { RedisThrottlerStorage, ThrottleCheck } from './redis-throttler.storage.js';

export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

interface HttpRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
}
/** fastify's reply (headers are sent with the answer, or copied onto a stream's). */
interface HttpResponse {
  header(name: string, value: string | number): unknown;
}

/** Rate limit exceeded: 429 with `Retry-After` (set by the guard before throwing). */
export class TooManyRequestsException extends HttpException {
  constructor(message: string) {
    super({ message }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * The API's rate limits, `@nestjs/throttler` semantics on a Redis `ThrottlerStorage`: a budget per client
 * IP for every request and one per API token (keyed by the token's hash) when a bearer token is sent.
 * Runs before authentication, so floods of bad tokens are limited too. Headers `X-RateLimit-*-{ip,token}`;
 * over the limit → 429 with `Retry-After` seconds. Fails open (with a warning) when Redis is unreachable.
 * Both budgets cost one Redis round trip, which also reads the auth epoch for the API token guard.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);
  private lastWarning = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORAGE) private readonly storage: RedisThrottlerStorage,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT, targets)) return true;
    const override = this.reflector.getAllAndOverride<RateLimitOverride>(RATE_LIMIT_OVERRIDE, targets) ?? {};
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const { windowSeconds, perToken, perIp } = this.config.rateLimit;
    const checks: (ThrottleCheck & { throttlerName: 'ip' | 'token' })[] = [];
    const ipLimit = override.perIp ?? perIp;
    if (ipLimit > 0) checks.push({ throttlerName: 'ip', limit: ipLimit, key: clientIp(request) });
    const tokenHash = bearerTokenHash(request);
    const tokenLimit = override.perToken ?? perToken;
    if (tokenHash && tokenLimit > 0)
      checks.push({ throttlerName: 'token', limit: tokenLimit, key: tokenHash });
    const windowMs = windowSeconds * 1000;
    if (checks.length === 0) return true;
    let hits;
    try {
      // Both budgets in one round trip, in order: a request refused by its address is not charged to its token.
      hits = await this.storage.incrementAll(checks, windowMs, windowMs);
    } catch (error) {
      this.warn(error);
      return true;
    }
    noteAuthEpoch(request, hits.authEpoch);
    hits.records.forEach((record, i) => {
      const { throttlerName: name, limit } = checks[i] as (typeof checks)[number];
      response.header(`X-RateLimit-Limit-${name}`, limit);
      response.header(`X-RateLimit-Remaining-${name}`, Math.max(0, limit - record.totalHits));
      response.header(`X-RateLimit-Reset-${name}`, record.timeToExpire);
      if (record.isBlocked) {
        response.header('Retry-After', Math.max(1, record.timeToBlockExpire));
        throw new TooManyRequestsException(
          `rate limit exceeded: more than ${limit} requests per ${windowSeconds} s for this ${name === 'ip' ? 'client address' : 'API token'}; retry after ${Math.max(1, record.timeToBlockExpire)} s`,
        );
      }
    });
    return true;
  }

  private warn(error: unknown): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(
      `rate limiting is off while Redis is unavailable: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function clientIp(request: HttpRequest): string {
  return request.ip ?? request.socket?.remoteAddress ?? 'unknown';
}
