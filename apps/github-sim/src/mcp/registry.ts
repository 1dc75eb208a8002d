/** The implemented tools: their live `tools/list` definitions and their handlers. */
import { TOOL_SNAPS } from './toolsnaps/index.js';
import type { ToolSnap } from './toolsnaps/index.js';
import { addIssueComment } from './tools/add-issue-comment.js';
import { getMe } from './tools/get-me.js';
import { issueRead } from './tools/issue-read.js';
import { issueWrite } from './tools/issue-write.js';
import { listIssues } from './tools/list-issues.js';
import { listPullRequests } from './tools/list-pull-requests.js';
import { pullRequestRead } from './tools/pull-request-read.js';
import { searchIssues } from './tools/search-issues.js';
import { searchRepositories } from './tools/search-repositories.js';
import type { ToolHandler } from './tools/types.js';
import { updateIssueComment, updateIssueCommentSnap } from './tools/update-issue-comment.js';

export const TOOL_HANDLERS: Readonly<Record<string, ToolHandler>> = {
  add_issue_comment: addIssueComment,
  get_me: getMe,
  issue_read: issueRead,
  issue_write: issueWrite,
  list_issues: listIssues,
  list_pull_requests: listPullRequests,
  pull_request_read: pullRequestRead,
  search_issues: searchIssues,
  search_repositories: searchRepositories,
  update_issue_comment: updateIssueComment,
};

export interface LiveTool {
  [key: string]: unknown;
  name: string;
  description: string;
  inputSchema: ToolSnap['inputSchema'];
  annotations: ToolSnap['annotations'];
}

/**
 * A snap as the live server lists it: `_meta.ui` removed, and the top-level
 * `owner`/`repo` properties carry `"x-mcp-header"` (SEP-2243 header projection).
 */
export function liveTool(snap: ToolSnap): LiveTool {
  const schema = structuredClone(snap.inputSchema);
  for (const key of ['owner', 'repo']) {
    const prop = schema.properties[key];
    if (typeof prop === 'object' && prop !== null) (prop as Record<string, unknown>)['x-mcp-header'] = key;
  }
  const tool: LiveTool = {
    name: snap.name,
    description: snap.description,
    inputSchema: schema,
    annotations: structuredClone(snap.annotations),
  };
  const meta = snap._meta ? Object.fromEntries(Object.entries(snap._meta).filter(([k]) => k !== 'ui')) : {};
  if (Object.keys(meta).length > 0) tool['_meta'] = meta;
  return tool;
}

/** `tools/list` result of the snapshot, sorted by name like go-sdk. */
export const LIVE_TOOLS: readonly LiveTool[] = TOOL_SNAPS.filter((s) => s.name in TOOL_HANDLERS).map(
  liveTool,
);

/** Listed only by profiles with `updateIssueComment` (the hosted server after #3284). */
export const UPDATE_ISSUE_COMMENT_TOOL: LiveTool = liveTool(updateIssueCommentSnap);

export const SERVER_INSTRUCTIONS = [
  `The GitHub MCP Server provides tools to interact with GitHub platform.

Tool selection guidance:
	1. Use 'list_*' tools for broad, simple retrieval and pagination of all items of a type (e.g., all issues, all PRs, all branches) with basic filtering.
	2. Use 'search_*' tools for targeted queries with specific criteria, keywords, or complex filters (e.g., issues with certain text, PRs by author, code containing functions).

Context management:
	1. Use pagination whenever possible with batches of 5-10 items.
	2. Use minimal_output parameter set to true if the full information is not needed to accomplish a task.

Tool usage guidance:
	1. For 'search_*' tools: Use separate 'sort' and 'order' parameters if available for sorting results - do not include 'sort:' syntax in query strings. Query strings should contain only search criteria (e.g., 'org:google language:python'), not sorting instructions.`,
  "Always call 'get_me' first to understand current user permissions and context.",
  `## Issues

Check 'list_issue_types' first for organizations to use proper issue types. Use 'search_issues' before creating new issues to avoid duplicates. Always set 'state_reason' when closing issues.`,
  `## Pull Requests

PR review workflow: Always use 'pull_request_review_write' with method 'create' to create a pending review, then 'add_comment_to_pending_review' to add comments, and finally 'pull_request_review_write' with method 'submit_pending' to submit the review for complex reviews with line-specific comments.

Before creating a pull request, search for pull request templates in the repository. Template files are called pull_request_template.md or they're located in '.github/PULL_REQUEST_TEMPLATE' directory. Use the template content to structure the PR description and then call create_pull_request tool.`,
].join(' ');
