import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { createRedisClient } from '#libs/redis';
import { APP_CONFIG, type AppConfig } from '#libs/config';

/** The Redis key of the auth epoch, under the hash-tagged queue prefix (with the rate-limit keys). */
export function authEpochKey(prefix: string): string {
  return `${prefix}:auth-epoch`;
}

const seen = new WeakMap<object, number>();

/** Records the auth epoch read for this request (by the rate-limit script, in the same round trip). */
export function noteAuthEpoch(request: object, epoch: number): void {
  seen.set(request, epoch);
}

/** The auth epoch read for this request, or undefined when none was (no rate limit, Redis down). */
export function authEpochOf(request: object): number | undefined {
  return seen.get(request);
}

/**
 * A counter in Redis that goes up whenever an API token is revoked or a member's role is set, after the
 * database change is committed. API processes compare it with the epoch of their cached token principals
 * (TokenPrincipals): a request that reads a newer epoch looks its token up again. The connection opens on
 * the first bump; a failed bump is logged and the cache's one-second limit still applies.
 */
@Injectable()
export class AuthEpoch implements OnModuleDestroy {
  private readonly logger = new Logger(AuthEpoch.name);
  private redis: Redis | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async bump(): Promise<void> {
    try {
      await this.connection().incr(authEpochKey(this.config.queue.prefix));
    } catch (error) {
      this.logger.warn(
        `could not bump the auth epoch (API processes see the change within 1 s instead of at once): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    const redis = this.redis;
    if (!redis) return; // never bumped
    this.redis = undefined;
    await redis.quit().catch(() => redis.disconnect());
  }

  /** Opened by the first bump (most processes never bump). */
  private connection(): Redis {
    if (this.redis) return this.redis;
    // Errors surface through bump's own rejection.
    this.redis = createRedisClient(this.config.redisUrl, 'auth-epoch');
    return this.redis;
  }
}
