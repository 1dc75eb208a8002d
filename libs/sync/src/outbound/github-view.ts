import type { RepositorySyncWithRepo } from '#libs/db';
import { type GitHubIssue, GitHubMcpError } from '#libs/github-mcp';
import { issueContentHash } from '../mapping/content-hash.js';
import {
  type GitHubStateReason,
  type LocalIssueFields,
  mapGitHubState,
  parseStateMapping,
} from '#libs/issues';

/** An `issue_read get` answer in local terms (text as the MCP server shows it, decoded). */
export function viewFields(issue: GitHubIssue, repoSync: RepositorySyncWithRepo): LocalIssueFields {
  return {
    title: issue.title,
    description: issue.body,
    state: mapGitHubState(
      issue.state,
      issue.state_reason as GitHubStateReason,
      parseStateMapping(repoSync.stateMapping),
    ),
    labels: issue.labels,
    assignees: issue.assignees,
    milestone: issue.milestone ?? null,
  };
}

/** A list_issues item (or a create lookup's find) over the local fields it does not carry. */
export function viewOfListItem(
  item: { title: string; body: string; labels: string[]; assignees: string[] },
  local: LocalIssueFields,
): LocalIssueFields {
  return {
    ...local,
    title: item.title,
    description: item.body,
    labels: item.labels,
    assignees: item.assignees,
  };
}

export function issueUrl(repoSync: RepositorySyncWithRepo, number: number): string {
  return `https://github.com/${repoSync.repository.owner}/${repoSync.repository.name}/issues/${number}`;
}

/** The content hash a list_issues page will compute for this view (see mapping/issue-mapper). */
export function viewContentHash(view: LocalIssueFields): string {
  return issueContentHash({
    title: view.title,
    body: view.description,
    state: view.state,
    labels: view.labels,
    assignees: view.assignees,
  });
}

/**
 * issue_write update is a REST PATCH and then, when `state` is given, a GraphQL close/reopen (CONTRACT
 * §5.4). These messages come from the second half: the PATCH was applied.
 */
export function isStateHalfFailure(error: unknown): boolean {
  return (
    error instanceof GitHubMcpError &&
    /Failed to (?:find issues|close issue|reopen issue)/.test(error.message)
  );
}

/**
 * Whether a failed create (issue_write create, add_issue_comment) certainly did not create anything, so a
 * retry may create again without looking first. Ambiguous: transport failures after delivery, answers
 * that could not be read.
 */
export function certainlyNotCreated(error: unknown): boolean {
  if (!(error instanceof GitHubMcpError)) return false;
  switch (error.kind) {
    case 'invalid_request':
    case 'not_found':
    case 'unauthorized':
    case 'rate_limited':
      return true;
    case 'transient':
      return 'notDelivered' in error && error.notDelivered === true;
    default:
      return false;
  }
}
