import { Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { createRedisClient } from '#libs/redis';
import { TokenRateLimiter } from './token-rate-limiter.js';
import { WriteGate } from './write-gate.js';

/** The process's limiter: its own Redis connection, closed on shutdown. */
@Injectable()
export class TokenBudgets implements OnModuleDestroy {
  readonly limiter: TokenRateLimiter;
  readonly gate: WriteGate;
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = createRedisClient(config.redisUrl, 'github-budget');
    this.limiter = new TokenRateLimiter(this.redis, {
      prefix: config.queue.prefix,
      writesPerWindow: config.githubWrites.perMinute,
      windowMs: 60_000,
      concurrency: config.githubWrites.concurrencyPerToken,
      slotTtlMs: config.mcp.timeoutMs * (config.mcp.maxRetries + 1) + 30_000,
    });
    this.gate = new WriteGate(this.limiter);
  }

  async onModuleDestroy(): Promise<void> {
    this.redis.disconnect();
  }
}

/** Per-token GitHub budgets shared in Redis. Needs ConfigModule. */
@Global()
@Module({ providers: [TokenBudgets], exports: [TokenBudgets] })
export class GitHubBudgetModule {}
