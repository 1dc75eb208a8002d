import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, nestLogLevels } from '#libs/config';
import { WorkerModule } from './worker.module.js';

/** Starts the BullMQ processors; used by main.ts, the demo and the tests. */
export async function startWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: nestLogLevels(config.logLevel),
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}
