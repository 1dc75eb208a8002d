import { getMeSnap } from './get-me.js';
import { listIssuesSnap } from './list-issues.js';
import { issueReadSnap } from './issue-read.js';
import { issueWriteSnap } from './issue-write.js';
import { addIssueCommentSnap } from './add-issue-comment.js';
import { searchIssuesSnap } from './search-issues.js';
import { searchRepositoriesSnap } from './search-repositories.js';
import { listPullRequestsSnap } from './list-pull-requests.js';
import { pullRequestReadSnap } from './pull-request-read.js';
import type { ToolSnap } from './types.js';

export type { ToolSnap } from './types.js';

/** Snaps of the tools the simulator implements, sorted by name (go-sdk lists tools sorted). */
export const TOOL_SNAPS: readonly ToolSnap[] = [
  getMeSnap,
  listIssuesSnap,
  issueReadSnap,
  issueWriteSnap,
  addIssueCommentSnap,
  searchIssuesSnap,
  searchRepositoriesSnap,
  listPullRequestsSnap,
  pullRequestReadSnap,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
