import { ValidationError } from '#libs/common';
import { SyncDirection } from '../../../prisma/generated/client/enums.js';

/** Which way a repository mapping syncs (the database enum `SyncDirection`). */
export { SyncDirection };

export const SYNC_DIRECTIONS = Object.values(SyncDirection) as [SyncDirection, ...SyncDirection[]];

/** Directions in which workspace edits are written to GitHub (also a query's `direction IN (…)`). */
export const GITHUB_WRITING_DIRECTIONS: readonly SyncDirection[] = ['to_github', 'bidirectional'];
const WRITES_TO_GITHUB: ReadonlySet<SyncDirection> = new Set(GITHUB_WRITING_DIRECTIONS);

export function writesToGitHub(direction: SyncDirection): boolean {
  return WRITES_TO_GITHUB.has(direction);
}

export function isSyncDirection(value: string): value is SyncDirection {
  return (SYNC_DIRECTIONS as readonly string[]).includes(value);
}

/** A direction given as text (CLI flag, configuration), refused with the allowed values named. */
export function parseSyncDirection(value: string, field = 'direction'): SyncDirection {
  if (isSyncDirection(value)) return value;
  throw new ValidationError(`${field} must be one of ${SYNC_DIRECTIONS.join(', ')} (got '${value}')`, field);
}
