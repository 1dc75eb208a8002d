import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { createDatabase, dropDatabase, withDatabase } from './pg.js';

/**
 * Catalog column types the schema engine reads when it describes a database (`"char"` in pg_class.relkind,
 * pg_constraint.contype, …) that @prisma/adapter-pg 7.10 rejects as "unsupported native data type"
 * (Prisma's own CLI uses the native engine, which has no adapter in between). Their text form is what the
 * engine wants, so they are reported as TEXT.
 */
const TEXT_OID = 25;
const CATALOG_TEXT_LIKE = new Set([
  18 /* "char" */, 24 /* regproc */, 194 /* pg_node_tree */, 2205 /* regclass */,
]);

interface ResultWithFields {
  fields?: { dataTypeID: number }[];
}

function reportCatalogTypesAsText<T>(result: T): T {
  for (const field of (result as ResultWithFields | undefined)?.fields ?? []) {
    if (CATALOG_TEXT_LIKE.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogFriendlyClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    const patched = (...args: unknown[]): unknown => {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        // pg.Pool#query calls client.query(text, values, callback)
        args[args.length - 1] = (error: Error | null, result: unknown) =>
          callback(error, error ? result : reportCatalogTypesAsText(result));
      }
      const result = query(...args);
      return result instanceof Promise ? result.then(reportCatalogTypesAsText) : result;
    };
    this.query = patched as typeof this.query;
  }
}

function connectPg(url: string): Promise<SqlDriverAdapter> {
  return new PrismaPg({ connectionString: url, Client: CatalogFriendlyClient } as pg.PoolConfig).connect();
}

export interface MigrationAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Disposes the connections the engine left open (its stop() does not), dropping shadow databases. */
  close(): Promise<void>;
}

/**
 * The pg adapter factory for @prisma/migrate's WebAssembly engine. Besides the catalog types above, it
 * creates the shadow database itself (used to replay migrations for a diff): PrismaPg's connectToShadowDb
 * cannot switch database when configured with a connection string.
 */
export function migrationAdapter(databaseUrl: string): MigrationAdapter {
  const open = new Set<SqlDriverAdapter>();
  const track = (adapter: SqlDriverAdapter, afterDispose?: () => Promise<void>): SqlDriverAdapter => {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!open.delete(adapter)) return; // idempotent: pg pools may be ended only once
      await dispose();
      await afterDispose?.();
    };
    open.add(adapter);
    return adapter;
  };
  const main = new PrismaPg(databaseUrl);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => track(await connectPg(databaseUrl)),
    connectToShadowDb: async () => {
      const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
      await createDatabase(databaseUrl, name);
      return track(await connectPg(withDatabase(databaseUrl, name)), () => dropDatabase(databaseUrl, name));
    },
  };
  return {
    factory,
    close: async () => void (await Promise.all([...open].map((adapter) => adapter.dispose()))),
  };
}
