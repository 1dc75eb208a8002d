import 'reflect-metadata';
import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '#libs/config';
import { ApiModule } from './app.module.js';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  silent: [],
};

export function nestLogLevels(level: AppConfig['logLevel']): LogLevel[] {
  return LEVELS[level];
}

/** Builds and starts the API; used by main.ts, the demo and the tests. */
export async function startApi(config: AppConfig, port = config.api.port): Promise<{ app: INestApplication; url: string }> {
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
