import type { IssuePriority, IssueState } from '../prisma-types.js';

/** Issue fields written to GitHub (priority is local only). */
export const OUTBOUND_FIELDS = ['title', 'description', 'state', 'labels', 'assignees', 'milestone'] as const;
export type OutboundField = (typeof OUTBOUND_FIELDS)[number];

/** Field → ISO time of the local edit not yet on GitHub. */
export type DirtyFields = Partial<Record<OutboundField, string>>;
/** Field → sha256 (see libs/sync outbound/field-values). */
export type FieldHashes = Partial<Record<OutboundField, string>>;

/** The synced fields of a workspace issue, as stored. */
export interface LocalIssueFields {
  title: string;
  description: string;
  state: IssueState;
  labels: string[];
  assignees: string[];
  milestone: string | null;
}

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
