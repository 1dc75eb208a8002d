import { BullModule } from '@nestjs/bullmq';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { ExclusiveLocks } from './exclusive-lock.js';
import { JobQueue } from './job-queue.service.js';
import { QueueName } from './jobs.js';
import { redisOptions } from '#libs/redis';

/** A worker process runs jobs; a producer (the API) only adds them. */
export type QueueRole = 'worker' | 'producer';

/** BullMQ on Redis with the configured (hash-tagged) key prefix; every queue registered once. */
@Global()
@Module({})
export class QueueModule {
  static forRoot(role: QueueRole): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            connection: redisOptions(config.redisUrl, role === 'worker' ? 'queue-worker' : 'queue-producer'),
            prefix: config.queue.prefix,
          }),
        }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      providers: [JobQueue, ExclusiveLocks],
      exports: [JobQueue, ExclusiveLocks, BullModule],
    };
  }
}
