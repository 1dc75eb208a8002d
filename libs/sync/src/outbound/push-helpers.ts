import type { OutboundTarget, PushRecord, RepositorySyncWithRepo } from '#libs/db';
import type { GitHubIssue } from '#libs/github-mcp';
import type { PushSummary } from './push-context.js';
import {
  decideField,
  type DirtyFields,
  fieldHash,
  type FieldHashes,
  fieldValue,
  fingerprintHash,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
  TEXT_FIELDS,
} from '#libs/issues';

/** Per-field comparison of GitHub's current version with the local edits (bidirectional). */
export function resolveAgainstGitHub(
  target: OutboundTarget,
  gh: GitHubIssue,
  view: LocalIssueFields,
  dirty: DirtyFields,
  summary: PushSummary,
) {
  const hashes = target.outbound ?? { pushedHashes: {}, pushedFingerprints: {}, githubHashes: {} };
  const pull: Partial<LocalIssueFields> = {};
  const won: DirtyFields = {};
  const drop = new Set<OutboundField>();
  const same: OutboundField[] = [];
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
      drop.add(field);
      same.push(field);
    }
    if (d.action === 'apply_github' || d.action === 'conflict_github') {
      Object.assign(pull, { [field]: view[field] });
      drop.add(field);
      summary.pulled.push(field);
    }
    if (d.action === 'conflict_github' && dirty[field]) won[field] = dirty[field];
    if ((d.action === 'conflict_local' || d.action === 'conflict_github') && dirty[field]) {
      summary.conflicts.push({
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
  return { pull, won, drop, same };
}

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

/** Whether GitHub's (sanitised) view of a field is what the local value looks like there. */
export function compatible(field: OutboundField, view: LocalIssueFields, local: LocalIssueFields): boolean {
  const a = fieldValue(view, field);
  const b = fieldValue(local, field);
  if (fieldHash(field, a) === fieldHash(field, b)) return true;
  return TEXT_FIELDS.includes(field) && typeof a === 'string' && typeof b === 'string'
    ? fingerprintHash(field, a) === fingerprintHash(field, b)
    : false;
}

export function viewOfListItem(
  item: { title: string; body: string; labels: string[]; assignees: string[] },
  local: LocalIssueFields,
): LocalIssueFields {
  return {
    ...local,
    title: item.title,
    description: item.body,
    labels: item.labels,
    assignees: item.assignees,
  };
}

export function issueUrl(repoSync: RepositorySyncWithRepo, number: number): string {
  return `https://github.com/${repoSync.repository.owner}/${repoSync.repository.name}/issues/${number}`;
}
