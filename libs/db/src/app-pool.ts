import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { AppConfig } from '#libs/config';

/** How much longer than the server's statement_timeout the client waits for an answer. */
export const CLIENT_TIMEOUT_MARGIN_MS = 1000;

/**
 * The pg pool of a process (Prisma's adapter and PrismaService.sql share it), every wait bounded:
 * - `statement_timeout` (DATABASE_STATEMENT_TIMEOUT_MS) is the server's: a statement running longer is
 *   cancelled there (SQLSTATE 57014) and its transaction rolled back.
 * - `query_timeout`, a second later, is the client's: a server that cannot answer at all (paused, its host
 *   gone without a reset) runs no timeout of its own, so the client stops waiting ("Query read timeout").
 * - `connectionTimeoutMillis` (DATABASE_CONNECT_TIMEOUT_MS) bounds the wait for a free pool slot and a new
 *   connection's connect and startup.
 * All three are "database unavailable" (db-errors.ts: HTTP 503, a retried job).
 *
 * A client whose query the client gave up on is still busy on the server, and may be inside a transaction
 * whose ROLLBACK was never sent. pool.query discards such a client itself (it releases it with the error);
 * a transaction's client (Prisma's adapter releases it without one) is discarded here when it comes back
 * not idle (its last answer said "in a transaction"), so no later statement runs inside that transaction.
 * pg's end() drops a connection whose statement is still outstanding at once.
 */
export function createAppPool(config: Pick<AppConfig, 'databaseUrl' | 'database'>, max = 10): pg.Pool {
  const { statementTimeoutMs, connectTimeoutMs } = config.database;
  const pool = new pg.Pool({
    connectionString: config.databaseUrl,
    max,
    statement_timeout: statementTimeoutMs,
    query_timeout: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  const log = new Logger('Database');
  // A connection that dies while idle must not crash the process; the next query reconnects.
  pool.on('error', (error) => log.warn(`idle connection closed: ${error.message}`));
  pool.on('release', (error: Error | undefined, client: pg.PoolClient) => {
    if (error || client.getTransactionStatus() === 'I') return;
    log.warn('discarding a connection returned inside a transaction (a statement timed out in it)');
    // end() marks the client ending at once, so the pool drops it instead of handing it out again.
    client.end().catch(() => undefined);
  });
  return pool;
}
