import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { createRedisClient } from '#libs/redis';

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
  private readonly held = new Set<HeldLock>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = createRedisClient(config.redisUrl, 'lock'); // errors surface as the commands' rejections
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
    const lock: HeldLock = {
      release: async () => {
        clearInterval(timer);
        this.held.delete(lock);
        await this.redis.eval(RELEASE, 1, key, owner).catch(() => undefined);
      },
    };
    this.held.add(lock);
    return lock;
  }

  async holder(name: string): Promise<string | null> {
    return this.redis.get(this.prefix + name);
  }

  /**
   * On shutdown, locks still held (jobs handed back to the queue) are released, so another worker can
   * resume those jobs at once instead of waiting for the locks to expire.
   */
  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.held].map((lock) => lock.release()));
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
