import type { OutboundTarget, RepositorySyncWithRepo } from '#libs/db';
import type { GitHubMcpClient } from '#libs/github-mcp';
import type { OutboundWarning } from './write-args.js';
import type { FieldConflict, GitHubSideState, OutboundField } from '#libs/issues';

/** What the outbound writers (IssuePusher and its parts) share: the job's context; and the job's summary. */

export type OutboundClient = Pick<
  GitHubMcpClient,
  | 'issueWrite'
  | 'getIssue'
  | 'listIssues'
  | 'addIssueComment'
  | 'listAllIssueComments'
  | 'updateIssueComment'
  | 'hasTool'
>;

export interface PushContext {
  /** Loaded under the issue's lease. */
  target: OutboundTarget;
  repoSync: RepositorySyncWithRepo;
  client: OutboundClient;
  tokenKey: string;
  /** GitHub login of the token (finds our own writes after a lost answer); null when unknown. */
  login: string | null;
}

export interface PushSummary {
  issue_id: string;
  github_number: number | null;
  created: boolean;
  /** A create whose answer was lost was found on GitHub and linked instead of created again. */
  adopted: boolean;
  written: OutboundField[];
  state_written: GitHubSideState | null;
  /** GitHub changes applied locally (fields not edited here, or conflicts GitHub won). */
  pulled: OutboundField[];
  conflicts: FieldConflict[];
  warnings: OutboundWarning[];
  comments_created: number;
  /** Local edits of comments already on GitHub, written with update_issue_comment. */
  comments_edited: number;
  mcp_calls: number;
}
