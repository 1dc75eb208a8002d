import { Logger } from '@nestjs/common';
import { ConfigError, configFromProcessEnv } from '#libs/config';
import { startWorker, stopWorker, workerUrl } from './bootstrap.js';
import { JobObserver } from './ops/job-observer.js';

try {
  const config = configFromProcessEnv();
  const app = await startWorker(config);
  const logger = new Logger('Main');
  logger.log(`worker started; health and metrics on ${workerUrl(app)}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: handing back running jobs and exiting now`);
      void app
        .get(JobObserver)
        .handBack()
        .finally(() => process.exit(1));
      return;
    }
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    stopWorker(app, config).then(
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
