import { ConfigError, configFromProcessEnv } from '#libs/config';
import { startApi } from './bootstrap.js';

try {
  const config = configFromProcessEnv();
  const { url } = await startApi(config);
  console.log(`api listening on ${url}`);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
