import type { GitHubIssueRecord } from './issue-sync-store.types.js';

/** The types of single-issue (webhook) writes, shared by the store and its SQL and batch helpers. */

/** One GitHub issue as a webhook shows it, mapped to workspace terms (no comment list). */
export interface IssueSnapshot extends Omit<GitHubIssueRecord, 'comments' | 'commentCount'> {
  /** REST database id of the issue. */
  githubId: bigint | null;
  /** Milestone title, null when none. */
  milestone: string | null;
}

export interface IssueLinkRef {
  issueId: string;
  issueSyncId: string;
}

export type IssueApplyOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'deleted';

export interface IssueApplyResult {
  outcome: IssueApplyOutcome;
  /** The local issue and its link (also for stale snapshots); null only when nothing is linked. */
  link: IssueLinkRef | null;
}

export type IssueDeleteOutcome = 'deleted' | 'already_deleted' | 'tombstoned';

/** A linked issue as single-issue webhook writes need it: one query, labels and assignees included. */
export interface LinkedIssueRow {
  id: string;
  issueId: string;
  contentHash: string;
  githubUpdatedAt: Date;
  deletedAt: Date | null;
  milestone: string | null;
  labels: string[];
  assignees: string[];
}
