import type { OutboundTarget, PushRecord } from '#libs/db';
import {
  type DirtyFields,
  fieldHash,
  type FieldHashes,
  fieldValue,
  fingerprintHash,
  type LocalIssueFields,
  type OutboundField,
  TEXT_FIELDS,
} from '#libs/issues';

/** What a write of `fields` records: their edit times (now written), and the hashes of what was sent. */
export function pushRecord(
  target: OutboundTarget,
  fields: readonly OutboundField[],
  pendingState?: string | null,
): PushRecord {
  const dirty = target.outbound?.dirtyFields ?? {};
  const written: DirtyFields = {};
  for (const f of fields) if (dirty[f] !== undefined) written[f] = dirty[f];
  const sent = sentHashes(target.local, fields);
  return {
    written,
    pushedHashes: sent.hashes,
    pushedFingerprints: sent.fingerprints,
    pendingState,
    version: target.outbound?.version ?? 0,
  };
}

/** Hashes (and, for text, fingerprints) of the local values of `fields`: what a write sends. */
export function sentHashes(local: LocalIssueFields, fields: readonly OutboundField[]) {
  const hashes: FieldHashes = {};
  const fingerprints: FieldHashes = {};
  for (const f of fields) {
    const value = fieldValue(local, f);
    hashes[f] = fieldHash(f, value);
    if (TEXT_FIELDS.includes(f) && typeof value === 'string') fingerprints[f] = fingerprintHash(f, value);
  }
  return { hashes, fingerprints };
}
