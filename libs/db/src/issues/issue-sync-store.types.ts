import type { IssueState } from '#libs/issues';

/** A GitHub issue, already mapped to workspace terms by libs/sync. */
export interface GitHubIssueRecord {
  number: number;
  url: string;
  title: string;
  body: string;
  state: IssueState;
  labels: string[];
  assignees: string[];
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  commentCount: number;
  contentHash: string;
  /** Milestone title (null: none); undefined when this view does not carry it (open issues in list_issues). */
  milestone?: string | null | undefined;
  /** The issue's complete comment list, or undefined when comments were not fetched this time. */
  comments?: GitHubCommentRecord[] | undefined;
  /** When that list was requested: comments linked after it are not "vanished" from it. */
  commentsReadAt?: Date | undefined;
}

export interface GitHubCommentRecord {
  githubId: bigint;
  body: string;
  authorLogin: string | null;
  createdAt: Date;
  updatedAt: Date;
  contentHash: string;
}

/** What the store already knows about a GitHub issue (for change detection). */
export interface IssueLink {
  issueId: string;
  issueSyncId: string;
  number: number;
  contentHash: string;
  commentCount: number;
  githubUpdatedAt: Date;
  state: IssueState;
  milestone: string | null;
  deleted: boolean;
}

export interface RepositorySyncScope {
  id: string;
  workspaceId: string;
  projectId: string;
}

export interface PageProgress {
  jobId: string;
  /** The checkpoint to commit with the page, given what the page write did. */
  checkpoint: (result: PageWriteResult) => object;
  itemsTotal?: number | undefined;
  synced: number;
  failed: number;
}

export interface PageWriteResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Skipped because the store already holds a newer GitHub version of the issue. */
  stale: number;
  commentsCreated: number;
  commentsUpdated: number;
  commentsDeleted: number;
}
