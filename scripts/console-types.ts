import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '#libs/config';
import { startApi } from '../apps/api/src/bootstrap.js';
import { CONSOLE_SCHEMA_FILE, consoleTypes } from './lib/console-types.js';
import { runMain } from './lib/lifecycle.js';
import { step } from './lib/log.js';
import { provideServices } from './lib/services.js';

/**
 * `npm run console:types`: starts the API against the provided Postgres and Redis, reads its OpenAPI
 * document and writes the console's types (apps/console/src/api/schema.d.ts) with openapi-typescript.
 */
await runMain(async () => {
  const { databaseUrl, redisUrl } = await provideServices({ postgres: true, redis: true });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
    LOG_LEVEL: 'error',
    API_HOST: '127.0.0.1',
  });
  const { app, url } = await startApi(config, 0);
  try {
    const document: unknown = await (await fetch(`${url}/docs/openapi.json`)).json();
    writeFileSync(CONSOLE_SCHEMA_FILE, await consoleTypes(document));
    step(`wrote ${CONSOLE_SCHEMA_FILE}`);
  } finally {
    await app.close();
  }
  return 0;
});
