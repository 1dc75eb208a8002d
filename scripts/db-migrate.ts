import { runMain } from './lib/lifecycle.js';
import { redactUrl, step } from './lib/log.js';
import { provideServices } from './lib/services.js';

/**
 * `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (what `prisma migrate deploy` does).
 * Without DATABASE_URL it migrates the `gms` database of the local dev server in .data/pg, a quick check
 * that the migrations apply.
 */
await runMain(async () => {
  const { databaseUrl, startedPostgres } = await provideServices({ postgres: true });
  step(
    `migrations applied to ${redactUrl(databaseUrl)}${startedPostgres ? ' (local server, stopped on exit)' : ''}`,
  );
  return 0;
});
