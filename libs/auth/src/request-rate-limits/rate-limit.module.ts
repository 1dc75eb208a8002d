import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { RATE_LIMIT_STORAGE, RateLimitGuard } from './rate-limit.guard.js';
import { RedisThrottlerStorage } from './redis-throttler.storage.js';

/** Provides the Redis throttler storage and `RateLimitGuard` (register it as an APP_GUARD). Needs ConfigModule. */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => RedisThrottlerStorage.connect(config.redisUrl, config.queue.prefix),
    },
    RateLimitGuard,
  ],
  exports: [RATE_LIMIT_STORAGE, RateLimitGuard],
})
export class ApiRateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(RATE_LIMIT_STORAGE) private readonly storage: RedisThrottlerStorage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
