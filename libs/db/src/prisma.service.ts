import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { PrismaClient } from '../../../prisma/generated/client/client.js';
import { createAppPool } from './app-pool.js';
import type { Prisma } from './prisma-types.js';
import { ReadQueries } from './reads/read-queries.js';
import { withSerialTransactions } from './serial-transactions.js';

/**
 * The one Prisma client of a process, on a pg pool it owns. Only repositories in libs/db use it. A
 * transaction's statements reach its connection one at a time (serial-transactions.ts).
 *
 * `sql` runs one statement on that same pool without Prisma's query engine. It is for the few statements
 * that run for every webhook delivery: there the engine's own work per query (parameter serialisation,
 * result mapping) costs several times what the statement costs the API and the worker. Same connections,
 * same timeouts (app-pool.ts), same connection errors (db-errors.ts); the statement is still composed with
 * `Prisma.sql`. It never joins a Prisma transaction: use it only for statements that stand alone.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  private readonly pool: pg.Pool;
  /** The hot read routes' prepared statements on this pool (reads/read-statements.ts). */
  readonly reads: ReadQueries;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const pool = createAppPool(config);
    super({ adapter: withSerialTransactions(new PrismaPg(pool, { disposeExternalPool: true })) });
    this.pool = pool;
    this.reads = new ReadQueries((query, name) => this.sql(query, name));
  }

  /**
   * The rows of one statement, run directly on the pool (see the class comment). A `name` makes it a
   * prepared statement of each connection (parsed and planned once): only for a text that never changes
   * under that name, and whose result columns are listed (a schema change then only re-plans it).
   */
  async sql<R extends pg.QueryResultRow>(query: Prisma.Sql, name?: string): Promise<R[]> {
    return (await this.pool.query<R>({ name, text: query.text, values: query.values })).rows;
  }

  /** The number of rows one statement changed, run directly on the pool (`name` as for `sql`). */
  async sqlCount(query: Prisma.Sql, name?: string): Promise<number> {
    return (await this.pool.query({ name, text: query.text, values: query.values })).rowCount ?? 0;
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
    // Prisma ends the pool only if it ever connected; statements run through `sql` alone leave it open.
    if (!this.pool.ended) await this.pool.end();
  }
}
