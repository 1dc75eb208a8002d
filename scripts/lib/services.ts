import { applyMigrations } from './migrations.js';
import { PrerequisiteError, redactUrl, step } from './log.js';
import { canConnect, createDatabaseIfMissing, databaseName, withDatabase } from './pg.js';
import { reapOrphans } from './orphans.js';
import { startLocalPostgres } from './postgres.js';
import { pingRedis, startLocalRedis } from './redis.js';

export interface ServiceOptions {
  postgres?: boolean;
  redis?: boolean;
  /** Database created on a locally started server (ignored when DATABASE_URL is given). Default `gms`. */
  database?: string;
  /** Apply prisma/migrations to the database. Default true. */
  migrate?: boolean;
  /** A locally started Postgres flushes every commit to disk (benchmarks of durable writes). Default false. */
  durable?: boolean;
}

export interface Services {
  /** The application database (DATABASE_URL, or `<database>` on the local server). */
  databaseUrl: string;
  /** A URL for administrative statements (CREATE/DROP DATABASE) on the same server. */
  serverUrl: string;
  redisUrl: string;
  startedPostgres: boolean;
  startedRedis: boolean;
}

async function providePostgres(
  options: ServiceOptions,
): Promise<Pick<Services, 'databaseUrl' | 'serverUrl' | 'startedPostgres'>> {
  const given = process.env.DATABASE_URL;
  if (given) {
    if (!(await canConnect(given))) {
      throw new PrerequisiteError(
        `Cannot connect to DATABASE_URL (${redactUrl(given)}); check that the server is up and the URL is right.`,
      );
    }
    step(`using Postgres at ${redactUrl(given)}`);
    return { databaseUrl: given, serverUrl: given, startedPostgres: false };
  }
  const local = await startLocalPostgres({ durable: options.durable ?? false });
  const name = options.database ?? 'gms';
  await createDatabaseIfMissing(local.adminUrl, name);
  return {
    databaseUrl: withDatabase(local.adminUrl, name),
    serverUrl: local.adminUrl,
    startedPostgres: true,
  };
}

async function provideRedis(): Promise<Pick<Services, 'redisUrl' | 'startedRedis'>> {
  const given = process.env.REDIS_URL;
  if (given) {
    if (!(await pingRedis(given))) {
      throw new PrerequisiteError(
        `Cannot reach REDIS_URL (${redactUrl(given)}); check that Redis is up and the URL is right.`,
      );
    }
    step(`using Redis at ${redactUrl(given)}`);
    return { redisUrl: given, startedRedis: false };
  }
  return { redisUrl: (await startLocalRedis()).url, startedRedis: true };
}

/**
 * Provides Postgres and/or Redis: the ones named by DATABASE_URL / REDIS_URL, or private instances started
 * here (stopped by the tool's cleanup). Exports DATABASE_URL / REDIS_URL for child processes and, unless
 * `migrate: false`, applies prisma/migrations to the database.
 */
export async function provideServices(options: ServiceOptions = {}): Promise<Services> {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) await reapOrphans();
  const services: Services = {
    databaseUrl: '',
    serverUrl: '',
    redisUrl: '',
    startedPostgres: false,
    startedRedis: false,
  };
  // Redis first: it starts in a blink, and a missing redis-server is reported before Postgres work.
  if (options.redis) Object.assign(services, await provideRedis());
  if (options.postgres) Object.assign(services, await providePostgres(options));
  if (services.databaseUrl) process.env.DATABASE_URL = services.databaseUrl;
  if (services.redisUrl) process.env.REDIS_URL = services.redisUrl;
  if (options.postgres && options.migrate !== false) {
    const applied = await applyMigrations(services.databaseUrl);
    const target = databaseName(services.databaseUrl);
    step(
      applied.length
        ? `applied ${applied.length} migration(s) to ${target}: ${applied.join(', ')}`
        : `${target} is up to date`,
    );
  }
  return services;
}
