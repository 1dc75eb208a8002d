import type { OutboundTarget } from '#libs/db';
import type { GitHubIssue } from '#libs/github-mcp';
import {
  decideField,
  type DirtyFields,
  type FieldConflict,
  fieldValue,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
} from '#libs/issues';

/** Per field, what a bidirectional update does with GitHub's current version (see resolveAgainstGitHub). */
export interface FieldResolution {
  /** GitHub's values to apply locally (GitHub changed them, or won a conflict). */
  pull: Partial<LocalIssueFields>;
  /** Local edit times of the fields GitHub won (kept for the audit). */
  won: DirtyFields;
  /** Edited fields not to write: GitHub already shows them, or its version won. */
  drop: ReadonlySet<OutboundField>;
  /** Edited fields GitHub already shows as edited: settled without writing. */
  same: OutboundField[];
  /** The fields in `pull`, in field order. */
  pulled: OutboundField[];
  conflicts: FieldConflict[];
}

/** Per-field comparison (last writer wins) of GitHub's current version with the local edits. */
export function resolveAgainstGitHub(
  target: OutboundTarget,
  gh: GitHubIssue,
  view: LocalIssueFields,
  dirty: DirtyFields,
): FieldResolution {
  const hashes = target.outbound ?? { pushedHashes: {}, pushedFingerprints: {}, githubHashes: {} };
  const resolution = {
    pull: {} as Partial<LocalIssueFields>,
    won: {} as DirtyFields,
    drop: new Set<OutboundField>(),
    same: [] as OutboundField[],
    pulled: [] as OutboundField[],
    conflicts: [] as FieldConflict[],
  };
  for (const field of OUTBOUND_FIELDS) {
    if (field === 'milestone') continue;
    const d = decideField({
      field,
      incoming: fieldValue(view, field),
      local: fieldValue(target.local, field),
      dirtyAt: dirty[field],
      githubUpdatedAt: new Date(gh.updated_at),
      hashes,
    });
    if (d.action === 'same' && dirty[field]) {
      resolution.drop.add(field);
      resolution.same.push(field);
    }
    if (d.action === 'apply_github' || d.action === 'conflict_github') {
      Object.assign(resolution.pull, { [field]: view[field] });
      resolution.drop.add(field);
      resolution.pulled.push(field);
    }
    if (d.action === 'conflict_github' && dirty[field]) resolution.won[field] = dirty[field];
    if ((d.action === 'conflict_local' || d.action === 'conflict_github') && dirty[field]) {
      resolution.conflicts.push({
        issueId: target.issueId,
        githubNumber: gh.number,
        field,
        winner: d.action === 'conflict_local' ? 'local' : 'github',
        localEditedAt: dirty[field],
        githubUpdatedAt: new Date(gh.updated_at).toISOString(),
        source: 'sync_issue',
      });
    }
  }
  return resolution;
}
