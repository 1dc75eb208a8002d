import { defineConfig } from 'prisma/config';

/**
 * Prisma 7 CLI configuration, for users with Prisma's native engines (`npx prisma migrate deploy`,
 * `migrate status`, …). The project's own commands (`npm run db:migrate`, `db:migration:new`) use the
 * WebAssembly engine and the same paths.
 */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // eslint-disable-next-line no-restricted-syntax -- the Prisma CLI reads its datasource URL here; unset is fine for generate
  datasource: { url: process.env.DATABASE_URL },
});
