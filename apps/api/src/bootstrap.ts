import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, nestLogLevels } from '#libs/config';
import { ApiModule } from './app.module.js';

/** Builds and starts the API; used by main.ts, the demo and the tests. */
export async function startApi(
  config: AppConfig,
  port = config.api.port,
): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(ApiModule.forRoot(config), {
    logger: nestLogLevels(config.logLevel),
    bodyParser: true,
  });
  app.setGlobalPrefix(config.api.prefix);
  app.enableShutdownHooks();
  await app.listen(port, config.api.host);
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}/${config.api.prefix}` };
}
