import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { PrismaClient } from '../../../prisma/generated/client/client.js';
import type { Prisma } from './prisma-types.js';

/**
 * The one Prisma client of a process, on a pg pool it owns. Only repositories in libs/db use it.
 *
 * `sql` runs one statement on that same pool without Prisma's query engine. It is for the few statements
 * that run for every webhook delivery: there the engine's own work per query (parameter serialisation,
 * result mapping) costs several times what the statement costs the API and the worker. Same connections,
 * same connection errors (db-errors.ts); the statement is still composed with `Prisma.sql`.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private readonly pool: pg.Pool;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
    // A connection that dies while idle must not crash the process; the next query reconnects.
    pool.on('error', (error) => new Logger('Database').warn(`idle connection closed: ${error.message}`));
    super({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    this.pool = pool;
  }

  /** The rows of one statement, run directly on the pool (see the class comment). */
  async sql<R extends pg.QueryResultRow>(query: Prisma.Sql): Promise<R[]> {
    return (await this.pool.query<R>(query.text, query.values)).rows;
  }

  /** The number of rows one statement changed, run directly on the pool. */
  async sqlCount(query: Prisma.Sql): Promise<number> {
    return (await this.pool.query(query.text, query.values)).rowCount ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    // Prisma ends the pool only if it ever connected; statements run through `sql` alone leave it open.
    if (!this.pool.ended) await this.pool.end();
  }
}
