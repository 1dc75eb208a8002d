import { Injectable } from '@nestjs/common';
import { type GitHubIssueRecord, InboundMergeRepository, type MergeCommit } from '#libs/db';
import {
  decideField,
  type DirtyFields,
  type FieldConflict,
  type FieldHashes,
  fieldValue,
  type LocalIssueFields,
  type OutboundField,
  type SyncDirection,
} from '#libs/issues';

/** Fields a GitHub issue view carries (list_issues has no milestone). */
const MERGED_FIELDS: readonly OutboundField[] = ['title', 'description', 'state', 'labels', 'assignees'];

export interface InboundMergeResult {
  /** The records to write: GitHub's values where GitHub changed a field, local ones elsewhere. */
  records: GitHubIssueRecord[];
  conflicts: FieldConflict[];
  /** Per-issue bookkeeping to save once the records are written (`commit`). */
  commits: MergeCommit[];
  workspaceId: string | null;
}

/**
 * Bidirectional sync, inbound half: merges GitHub views (a list_issues page, a webhook) into locally
 * edited issues field by field before they are written.
 * - Echo suppression by hash, not by time: a field whose GitHub value is the one we last wrote (raw, as a
 *   webhook shows it) or last saw (sanitised, as the MCP server shows it), or whose sanitisation-insensitive
 *   fingerprint matches what we wrote, is not a GitHub change, so the local value stays. GitHub's stripped
 *   view of our text (`Vec<T>` → `Vec`) therefore never replaces the text we hold and wrote.
 * - Conflicts (edited on both sides since the last sync): last writer wins per field (local edit time vs
 *   GitHub `updated_at`), each one returned for the job metadata and the audit log.
 * Records of issues without local edits pass unchanged. Only bidirectional repositories are merged.
 */
@Injectable()
export class InboundMerger {
  constructor(private readonly store: InboundMergeRepository) {}

  async merge(
    repoSync: { id: string; direction: SyncDirection },
    records: GitHubIssueRecord[],
    source: FieldConflict['source'] = 'page',
  ): Promise<InboundMergeResult> {
    const result: InboundMergeResult = { records, conflicts: [], commits: [], workspaceId: null };
    if (repoSync.direction !== 'bidirectional' || records.length === 0) return result;
    const states = await this.store.load(
      repoSync.id,
      records.map((r) => r.number),
    );
    if (states.size === 0) return result;
    result.records = records.map((record) => {
      const state = states.get(record.number);
      if (!state || record.updatedAt.getTime() < state.githubUpdatedAt.getTime()) return record;
      result.workspaceId = state.workspaceId;
      const incoming: LocalIssueFields = {
        title: record.title,
        description: record.body,
        state: record.state,
        labels: record.labels,
        assignees: record.assignees,
        milestone: state.local.milestone,
      };
      const merged: LocalIssueFields = { ...incoming };
      const githubHashes: FieldHashes = {};
      const resolved: DirtyFields = {};
      for (const field of MERGED_FIELDS) {
        const dirtyAt = state.dirtyFields[field];
        const decision = decideField({
          field,
          incoming: fieldValue(incoming, field),
          local: fieldValue(state.local, field),
          dirtyAt,
          githubUpdatedAt: record.updatedAt,
          hashes: state,
        });
        githubHashes[field] = decision.githubHash;
        if (
          decision.action === 'keep_local' ||
          decision.action === 'conflict_local' ||
          decision.action === 'same'
        ) {
          copyField(merged, state.local, field);
        }
        if (decision.action === 'conflict_github' && dirtyAt) resolved[field] = dirtyAt;
        if ((decision.action === 'conflict_local' || decision.action === 'conflict_github') && dirtyAt) {
          result.conflicts.push({
            issueId: state.issueId,
            githubNumber: record.number,
            field,
            winner: decision.action === 'conflict_local' ? 'local' : 'github',
            localEditedAt: dirtyAt,
            githubUpdatedAt: record.updatedAt.toISOString(),
            source,
          });
        }
      }
      result.commits.push({ issueId: state.issueId, githubHashes, resolved });
      return {
        ...record,
        title: merged.title,
        body: merged.description,
        state: merged.state,
        labels: merged.labels,
        assignees: merged.assignees,
      };
    });
    return result;
  }

  /**
   * Call after the merged records were written: saves GitHub's per-field view as the new base, clears the
   * local edits GitHub won, and records the conflicts in the audit log and (with `jobId`) the sync job's
   * metadata (`conflicts`, `conflict_count`).
   */
  async commit(result: InboundMergeResult, jobId?: string | null): Promise<void> {
    if (result.commits.length === 0) return;
    await this.store.commit(result.commits, result.conflicts, result.workspaceId);
    if (jobId) await this.store.appendJobConflicts(jobId, result.conflicts);
  }
}

function copyField(target: LocalIssueFields, source: LocalIssueFields, field: OutboundField): void {
  switch (field) {
    case 'title':
      target.title = source.title;
      break;
    case 'description':
      target.description = source.description;
      break;
    case 'state':
      target.state = source.state;
      break;
    case 'labels':
      target.labels = source.labels;
      break;
    case 'assignees':
      target.assignees = source.assignees;
      break;
    case 'milestone':
      target.milestone = source.milestone;
  }
}
