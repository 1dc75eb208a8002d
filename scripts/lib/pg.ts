import pg from 'pg';

/** Small Postgres helpers shared by the dev tooling and test/support (one short-lived connection per call). */

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined); // a server shutting down must not crash the tool
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  return withClient(url, async (client) => (await client.query<R>(sql, params)).rows);
}

export async function canConnect(url: string): Promise<boolean> {
  try {
    await query(url, 'SELECT 1');
    return true;
  } catch {
    return false;
  }
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  const rows = await query(url, 'SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return rows.length > 0;
}

/** CREATE DATABASE, optionally as a copy of `template` (which must have no open connections). */
export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${quoteIdent(template)}` : '';
  await query(url, `CREATE DATABASE ${quoteIdent(name)}${from}`);
}

export async function createDatabaseIfMissing(url: string, name: string): Promise<void> {
  if (await databaseExists(url, name)) return;
  try {
    await createDatabase(url, name);
  } catch (error) {
    if (!(await databaseExists(url, name))) throw error; // a concurrent run created it first
  }
}

/** Drops a database, closing the connections still open on it (Postgres 13+). */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await query(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

/** Drops every database whose name starts with `prefix` (leftovers of a test run); returns their names. */
export async function dropDatabasesWithPrefix(url: string, prefix: string): Promise<string[]> {
  const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await query<{ datname: string }>(
    url,
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [pattern],
  );
  for (const { datname } of rows) {
    await dropDatabase(url, datname);
  }
  return rows.map((row) => row.datname);
}
