import {
  type FieldHashes,
  type FieldValue,
  type OutboundField,
  TEXT_FIELDS,
  fieldHash,
  fingerprintHash,
} from './fields.js';

/** A conflict between a local edit and a GitHub edit of the same field, resolved last-writer-wins. */
export interface FieldConflict {
  issueId: string;
  githubNumber: number | null;
  field: OutboundField;
  winner: 'local' | 'github';
  localEditedAt: string;
  githubUpdatedAt: string;
  source: 'page' | 'webhook' | 'sync_issue';
}

/**
 * What to do with one field when a GitHub view of an issue meets the local issue:
 * - `same`: both already say the same;
 * - `keep_local`: GitHub did not change the field since we last saw or wrote it (an echo of our own write,
 *   or GitHub's sanitised view of our text), so the local value stays;
 * - `apply_github`: GitHub changed it and it was not edited locally;
 * - `conflict_local` / `conflict_github`: both changed it; the later writer wins.
 */
export type FieldAction = 'same' | 'keep_local' | 'apply_github' | 'conflict_local' | 'conflict_github';

export interface FieldInput {
  field: OutboundField;
  incoming: FieldValue;
  local: FieldValue;
  /** When the field was edited locally and not yet written to GitHub. */
  dirtyAt: string | undefined;
  /** GitHub's `updated_at` of the view. */
  githubUpdatedAt: Date;
  hashes: { pushedHashes: FieldHashes; pushedFingerprints: FieldHashes; githubHashes: FieldHashes };
}

/** GitHub timestamps have one-second resolution: a local edit wins only when clearly later. */
export const GITHUB_TIME_RESOLUTION_MS = 1000;

export function decideField(input: FieldInput): { action: FieldAction; githubHash: string } {
  const { field, incoming, local, hashes } = input;
  const githubHash = fieldHash(field, incoming);
  if (githubHash === fieldHash(field, local)) return { action: 'same', githubHash };
  const known =
    githubHash === hashes.githubHashes[field] ||
    githubHash === hashes.pushedHashes[field] ||
    (TEXT_FIELDS.includes(field) &&
      typeof incoming === 'string' &&
      hashes.pushedFingerprints[field] !== undefined &&
      fingerprintHash(field, incoming) === hashes.pushedFingerprints[field] &&
      fieldHash(field, local) === hashes.pushedHashes[field]);
  if (known) return { action: 'keep_local', githubHash };
  if (input.dirtyAt === undefined) return { action: 'apply_github', githubHash };
  const localWins = Date.parse(input.dirtyAt) >= input.githubUpdatedAt.getTime() + GITHUB_TIME_RESOLUTION_MS;
  return { action: localWins ? 'conflict_local' : 'conflict_github', githubHash };
}
