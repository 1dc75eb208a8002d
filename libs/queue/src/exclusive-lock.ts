import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '#libs/config';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface HeldLock {
  /** Stops renewing and releases the lock if this holder still owns it. */
  release(): Promise<void>;
}

/**
 * Named exclusive locks in Redis shared by every worker process (SET NX PX, renewed while held, released
 * only by their owner). Keys live under the hash-tagged queue prefix, so Redis Cluster keeps them together.
 */
@Injectable()
export class ExclusiveLocks implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
    this.redis.on('error', () => undefined); // surfaced through the commands' own rejections
    this.prefix = `${config.queue.prefix}:lock:`;
  }

  /**
   * Takes the lock, or returns undefined when another owner holds it. The same owner may take it again
   * (a job resumed after its worker died still holds its own lock until the TTL runs out).
   */
  async acquire(name: string, owner: string, ttlMs = 60_000): Promise<HeldLock | undefined> {
    const key = this.prefix + name;
    const ok = await this.redis.set(key, owner, 'PX', ttlMs, 'NX');
    if (ok !== 'OK' && Number(await this.redis.eval(EXTEND, 1, key, owner, String(ttlMs))) !== 1)
      return undefined;
    const timer = setInterval(
      () => {
        this.redis.eval(EXTEND, 1, key, owner, String(ttlMs)).catch(() => undefined);
      },
      Math.floor(ttlMs / 3),
    );
    timer.unref();
    return {
      release: async () => {
        clearInterval(timer);
        await this.redis.eval(RELEASE, 1, key, owner).catch(() => undefined);
      },
    };
  }

  async holder(name: string): Promise<string | null> {
    return this.redis.get(this.prefix + name);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
