import { runMain } from './lib/lifecycle.js';
import { provideServices } from './lib/services.js';

/**
 * `npm run services`: provides Postgres (migrated `gms` database) and Redis for running the apps by hand,
 * prints their URLs as shell exports and keeps them up until Ctrl-C.
 */
await runMain(async () => {
  const { databaseUrl, redisUrl } = await provideServices({ postgres: true, redis: true });
  process.stdout.write(`export DATABASE_URL='${databaseUrl}'\nexport REDIS_URL='${redisUrl}'\n`);
  process.stderr.write('› services are up; press Ctrl-C to stop them\n');
  await new Promise(() => setInterval(() => undefined, 1 << 30));
  return 0;
});
