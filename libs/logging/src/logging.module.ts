import { type DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { AppConfig } from '#libs/config';
import { AppLogger } from './app-logger.js';
import { JobLogContext } from './job-log-context.js';
import { type LoggingOptions, pinoHttpOptions } from './logger-options.js';

/**
 * Structured JSON logs (nestjs-pino) for one process (global). Bootstraps create the app with
 * `bufferLogs: true` and call `app.useLogger(app.get(AppLogger))`, so Nest's own messages and every
 * `new Logger(context)` in the code go through pino too. HTTP apps get one log line per request (health
 * and metrics probes excluded) and `request_id` / `delivery_id` on every line logged while handling it.
 * nestjs-pino keeps one root logger per process: in-process tests that start the API and a worker share
 * the first one's settings.
 */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'logLevel'>, options: LoggingOptions): DynamicModule {
    const destination = pino.destination({ dest: options.stream === 'stderr' ? 2 : 1, sync: true });
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: [pinoHttpOptions(config, options), destination] })],
      providers: [JobLogContext, AppLogger],
      exports: [JobLogContext, AppLogger],
    };
  }
}
