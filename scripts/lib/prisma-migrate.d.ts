/**
 * Types for the part of @prisma/migrate 7.10 used by migrations.ts. The package's own `types` entry points
 * at a file it does not ship (dist/migrate/src/index.d.ts), so TypeScript sees it as untyped; these mirror
 * dist/src/SchemaEngineWasm.d.ts. It is CommonJS without detectable named exports: import the default.
 */
declare module '@prisma/migrate' {
  import type { ErrorCapturingSqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
  import type { ApplyMigrationsInput, ApplyMigrationsOutput, DiffParams } from '@prisma/schema-engine-wasm';

  export interface SchemaEngineWasm {
    /** The command behind `prisma migrate deploy`. */
    applyMigrations(input: ApplyMigrationsInput): Promise<ApplyMigrationsOutput>;
    /** The command behind `prisma migrate diff`; the diff (or script) is written to process.stdout. */
    migrateDiff(input: DiffParams): Promise<{ exitCode: number }>;
    stop(): Promise<void>;
  }

  const migrate: {
    SchemaEngineWasm: {
      setup(input: {
        adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory;
      }): Promise<SchemaEngineWasm>;
    };
  };
  export default migrate;
}
