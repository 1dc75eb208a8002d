import { ConfigError, configFromProcessEnv } from '#libs/config';
import { startWorker } from './bootstrap.js';

try {
  await startWorker(configFromProcessEnv());
  console.log('worker started');
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
