/*
 * The domain vocabulary of a workspace issue: its states and which are open or closed, how they meet
 * GitHub's, the sync directions and which write to GitHub, the fields written to GitHub and how a
 * conflict on one is decided. Pure values and functions, no I/O: libs/db and every lib above it use them.
 */
export {
  CLOSED_ISSUE_STATES,
  type ClosedIssueState,
  ISSUE_PRIORITIES,
  ISSUE_STATES,
  IssuePriority,
  IssueState,
  OPEN_ISSUE_STATES,
  type OpenIssueState,
  completedAtFor,
  isClosedState,
  isOpenState,
} from './states.js';
export {
  DEFAULT_STATE_MAPPING,
  type GitHubSideState,
  type GitHubState,
  type GitHubStateReason,
  type StateMapping,
  githubSideState,
  mapGitHubState,
  parseStateMapping,
  reasonFromLocalState,
} from './github-state.js';
export {
  GITHUB_WRITING_DIRECTIONS,
  SYNC_DIRECTIONS,
  SyncDirection,
  isSyncDirection,
  parseSyncDirection,
  writesToGitHub,
} from './directions.js';
export {
  type DirtyFields,
  type FieldHashes,
  type FieldValue,
  type LocalIssueFields,
  OUTBOUND_FIELDS,
  type OutboundField,
  TEXT_FIELDS,
  compatible,
  fieldHash,
  fieldValue,
  fingerprintHash,
  isShownVerbatim,
  normalizeSet,
  textFingerprint,
} from './fields.js';
export {
  type FieldAction,
  type FieldConflict,
  type FieldInput,
  GITHUB_TIME_RESOLUTION_MS,
  decideField,
} from './conflicts.js';
export {
  type EditableIssue,
  type IssueChanges,
  type IssueEdit,
  issueChanges,
  sameSet,
} from './issue-changes.js';
