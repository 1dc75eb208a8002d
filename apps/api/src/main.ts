import { Logger } from '@nestjs/common';
import { exitOnSignals } from '#libs/common';
import { ConfigError, configFromProcessEnv } from '#libs/config';
import { startApi, stopApi } from './bootstrap.js';

try {
  const config = configFromProcessEnv();
  const { app, url } = await startApi(config);
  new Logger('Main').log(`api listening on ${url}`);
  exitOnSignals({ stop: () => stopApi(app, config) });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
