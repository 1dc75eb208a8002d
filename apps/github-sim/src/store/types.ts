/** Domain model of the simulated GitHub. Timestamps are RFC 3339 strings with second precision. */

export type UserType = 'User' | 'Organization' | 'Bot';

export interface SimUser {
  id: number;
  login: string;
  node_id: string;
  type: UserType;
  site_admin: boolean;
  name: string;
  company: string;
  blog: string;
  location: string;
  email: string;
  hireable: boolean;
  bio: string;
  twitter_username: string;
  public_repos: number;
  public_gists: number;
  followers: number;
  following: number;
  private_gists: number;
  total_private_repos: number;
  owned_private_repos: number;
  created_at: string;
  updated_at: string;
}

export interface SimRepo {
  id: number;
  node_id: string;
  owner: string;
  name: string;
  full_name: string;
  private: boolean;
  description: string;
  default_branch: string;
  default_branch_sha: string;
  language: string;
  topics: string[];
  /** Logins (besides the owner) with write access; they may see the repo when it is private. */
  collaborators: string[];
  created_at: string;
  updated_at: string;
  pushed_at: string;
}

export interface SimLabel {
  id: number;
  node_id: string;
  name: string;
  color: string;
  description: string;
  default: boolean;
}

export interface SimMilestone {
  id: number;
  number: number;
  title: string;
  state: 'open' | 'closed';
}

export interface SimReactions {
  '+1': number;
  '-1': number;
  laugh: number;
  confused: number;
  heart: number;
  hooray: number;
  rocket: number;
  eyes: number;
}

export type ReactionContent = keyof SimReactions;

export type IssueState = 'open' | 'closed';
export type StateReason = 'completed' | 'not_planned' | 'duplicate' | 'reopened';

export interface SimPullData {
  draft: boolean;
  merged: boolean;
  merged_at: string | null;
  merged_by: string | null;
  mergeable_state: string;
  head_ref: string;
  head_sha: string;
  head_repo: string;
  base_ref: string;
  base_sha: string;
  requested_reviewers: string[];
  additions: number;
  deletions: number;
  changed_files: number;
  commits: number;
}

/** An issue or (with `pull`) a pull request; both share the repository's number space. */
export interface SimIssue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string;
  state: IssueState;
  state_reason: StateReason | null;
  user: string;
  labels: string[];
  assignees: string[];
  milestone: number | null;
  locked: boolean;
  comments: number;
  reactions: SimReactions;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: string | null;
  pull: SimPullData | null;
}

export interface SimComment {
  id: number;
  node_id: string;
  issue_number: number;
  body: string;
  user: string;
  reactions: SimReactions;
  created_at: string;
  updated_at: string;
}

export interface SimReaction {
  id: number;
  content: ReactionContent;
  user: string;
  created_at: string;
}

/** Everything generated for, or stored in, one repository. */
export interface RepoData {
  repo: SimRepo;
  labels: SimLabel[];
  milestones: SimMilestone[];
  /** Issues and pull requests, in number order. */
  issues: SimIssue[];
  /** All comments of the repository, oldest first. */
  comments: SimComment[];
}

export interface Dataset {
  seed: number;
  users: SimUser[];
  repos: RepoData[];
}

/** What to generate for one repository (`owner/name:issues:comments:prs` on the CLI). */
export interface RepoSpec {
  owner: string;
  name: string;
  issues?: number;
  comments?: number;
  pullRequests?: number;
  private?: boolean;
  description?: string;
}

export function emptyReactions(): SimReactions {
  return { '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, rocket: 0, eyes: 0 };
}

export const REACTION_CONTENTS: readonly ReactionContent[] = [
  '+1',
  '-1',
  'laugh',
  'confused',
  'heart',
  'hooray',
  'rocket',
  'eyes',
];
