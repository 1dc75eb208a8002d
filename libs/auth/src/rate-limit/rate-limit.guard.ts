import { createHash } from 'node:crypto';
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
import type { ThrottlerStorage } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { RATE_LIMIT_OVERRIDE, type RateLimitOverride, SKIP_RATE_LIMIT } from './rate-limit.decorators.js';

export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

interface HttpRequest {
  ip?: string;
  socket?: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
}
interface HttpResponse {
  setHeader(name: string, value: string | number): void;
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
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);
  private lastWarning = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RATE_LIMIT_STORAGE) private readonly storage: ThrottlerStorage,
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
    const checks: { name: 'ip' | 'token'; limit: number; tracker: string }[] = [];
    const ipLimit = override.perIp ?? perIp;
    if (ipLimit > 0) checks.push({ name: 'ip', limit: ipLimit, tracker: clientIp(request) });
    const token = bearerToken(request);
    const tokenLimit = override.perToken ?? perToken;
    if (token && tokenLimit > 0) {
      checks.push({
        name: 'token',
        limit: tokenLimit,
        tracker: createHash('sha256').update(token).digest('hex'),
      });
    }
    const windowMs = windowSeconds * 1000;
    for (const check of checks) {
      let record;
      try {
        record = await this.storage.increment(check.tracker, windowMs, check.limit, windowMs, check.name);
      } catch (error) {
        this.warn(error);
        return true;
      }
      response.setHeader(`X-RateLimit-Limit-${check.name}`, check.limit);
      response.setHeader(`X-RateLimit-Remaining-${check.name}`, Math.max(0, check.limit - record.totalHits));
      response.setHeader(`X-RateLimit-Reset-${check.name}`, record.timeToExpire);
      if (record.isBlocked) {
        response.setHeader('Retry-After', Math.max(1, record.timeToBlockExpire));
        throw new TooManyRequestsException(
          `rate limit exceeded: more than ${check.limit} requests per ${windowSeconds} s for this ${check.name === 'ip' ? 'client address' : 'API token'}; retry after ${Math.max(1, record.timeToBlockExpire)} s`,
        );
      }
    }
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

function bearerToken(request: HttpRequest): string | undefined {
  const header = request.headers.authorization;
  return typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
}
