import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runMain } from './lib/lifecycle.js';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, diffMigrationsToSchema } from './lib/migrations.js';
import { PrerequisiteError, step } from './lib/log.js';
import { migrationsDir, repoRoot, schemaPath } from './lib/paths.js';
import { provideServices } from './lib/services.js';

/** UTC yyyyMMddHHmmss, the prefix Prisma gives migration directories. */
function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function migrationName(raw: string | undefined): string {
  const name = (raw ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!name)
    throw new PrerequisiteError('Usage: npm run db:migration:new -- <name>   (e.g. add_issue_priority)');
  return name;
}

function ensureLockfile(): void {
  const lockfile = path.join(migrationsDir, LOCKFILE_NAME);
  if (!existsSync(lockfile)) {
    writeFileSync(lockfile, LOCKFILE_CONTENT);
    return;
  }
  const provider = /provider\s*=\s*"([^"]+)"/.exec(readFileSync(lockfile, 'utf8'))?.[1];
  if (provider !== 'postgresql') {
    throw new PrerequisiteError(
      `${LOCKFILE_NAME} says provider "${provider}", but this project migrates postgresql.`,
    );
  }
}

/**
 * `npm run db:migration:new -- <name>`: diffs prisma/migrations against prisma/schema.prisma with Prisma's
 * schema engine (replaying the migrations in a temporary shadow database) and writes the difference to
 * prisma/migrations/<timestamp>_<name>/migration.sql. Writes nothing when the schema has not changed.
 */
await runMain(async () => {
  const name = migrationName(process.argv[2]);
  if (!existsSync(schemaPath))
    throw new PrerequisiteError(`There is no Prisma schema at ${path.relative(repoRoot, schemaPath)}.`);
  const { serverUrl } = await provideServices({ postgres: true, migrate: false });
  const script = await diffMigrationsToSchema(serverUrl);
  if (script === null) {
    step('no schema changes: the migrations already produce prisma/schema.prisma; nothing written');
    return 0;
  }
  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  mkdirSync(dir, { recursive: true });
  ensureLockfile();
  writeFileSync(path.join(dir, 'migration.sql'), script.endsWith('\n') ? script : `${script}\n`);
  const statements = script.split('\n').filter((line) => /^(CREATE|ALTER|DROP)\b/.test(line)).length;
  step(`wrote ${path.relative(repoRoot, dir)}/migration.sql (${statements} CREATE/ALTER/DROP statements)`);
  return 0;
});
