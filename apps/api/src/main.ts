import { Logger } from '@nestjs/common';
import { ConfigError, configFromProcessEnv } from '#libs/config';
import { startApi, stopApi } from './bootstrap.js';

try {
  const config = configFromProcessEnv();
  const { app, url } = await startApi(config);
  const logger = new Logger('Main');
  logger.log(`api listening on ${url}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    stopApi(app, config).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
