import type { DirtyFields, FieldHashes, IssuePriority, IssueState } from '#libs/issues';

export interface AssigneeRef {
  login: string;
  userId: string | null;
}

export interface NewIssueInput {
  workspaceId: string;
  projectId: string;
  title: string;
  description: string;
  state: IssueState;
  priority: IssuePriority;
  milestone: string | null;
  labels: string[];
  assignees: AssigneeRef[];
  createdById: string | null;
  /** Repository sync the issue will be created in (null: the project is not mapped for writes). */
  repositorySyncId: string | null;
}

export interface IssuePatchInput {
  title?: string | undefined;
  description?: string | undefined;
  state?: IssueState | undefined;
  priority?: IssuePriority | undefined;
  milestone?: string | null | undefined;
  labels?: string[] | undefined;
  assignees?: AssigneeRef[] | undefined;
}

export interface Actor {
  userId: string | null;
  tokenId: string | null;
}

/** Outbound bookkeeping as the worker sees it. */
export interface OutboundState {
  version: number;
  pushedVersion: number;
  dirtyFields: DirtyFields;
  pushedHashes: FieldHashes;
  pushedFingerprints: FieldHashes;
  githubHashes: FieldHashes;
  repositorySyncId: string | null;
  createStartedAt: Date | null;
  pendingState: string | null;
}

export interface IssueLinkView {
  id: string;
  repositorySyncId: string;
  githubNumber: number;
  githubId: bigint | null;
  githubUrl: string;
  githubUpdatedAt: Date;
  contentHash: string;
  commentCount: number;
}

export interface PendingComment {
  id: string;
  body: string;
  createdAt: Date;
  createStartedAt: Date | null;
}
