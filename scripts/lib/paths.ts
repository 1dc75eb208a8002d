import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Walks up from this file (scripts/lib or dist/scripts/lib) to the directory holding package.json. */
function findRepoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the repository root (no package.json above scripts/lib).');
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot();
export const dataDir = path.join(repoRoot, '.data');
export const schemaPath = path.join(repoRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(repoRoot, 'prisma', 'migrations');
export const binDir = path.join(repoRoot, 'node_modules', '.bin');
