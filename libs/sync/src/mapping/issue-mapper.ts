import type { GitHubCommentRecord, GitHubIssueRecord } from '#libs/db';
import type { GitHubIssueComment, ListIssuesItem } from '#libs/github-mcp';
import { commentContentHash, issueContentHash } from './content-hash.js';
import { type GitHubStateReason, mapGitHubState, type StateMapping } from '#libs/issues';

export interface RepoRef {
  owner: string;
  name: string;
}

/** GitHub's html URL of an issue (list_issues does not return it; the shape is stable). */
export function issueHtmlUrl(repo: RepoRef, number: number): string {
  return `https://github.com/${repo.owner}/${repo.name}/issues/${number}`;
}

export function toIssueRecord(
  repo: RepoRef,
  item: ListIssuesItem,
  details: {
    stateReason: GitHubStateReason;
    closedAt: Date | null;
    milestone?: string | null | undefined;
    comments?: GitHubCommentRecord[] | undefined;
  },
  mapping: StateMapping,
): GitHubIssueRecord {
  const state = item.state === 'OPEN' ? 'open' : 'closed';
  const labels = item.labels ?? [];
  const localState = mapGitHubState(state, details.stateReason, mapping);
  return {
    number: item.number,
    url: issueHtmlUrl(repo, item.number),
    title: item.title,
    body: item.body ?? '',
    state: localState,
    labels,
    assignees: item.assignees,
    createdAt: new Date(item.created_at),
    updatedAt: new Date(item.updated_at),
    closedAt: state === 'closed' ? (details.closedAt ?? new Date(item.updated_at)) : null,
    commentCount: item.comments ?? 0,
    milestone: details.milestone,
    contentHash: issueContentHash({
      title: item.title,
      body: item.body ?? '',
      // The mapped state, not GitHub's raw close reason: list_issues omits the reason, so later passes only
      // know the category (done / cancelled) and must hash the same as the pass that fetched it.
      state: localState,
      labels,
      assignees: item.assignees,
    }),
    comments: details.comments,
  };
}

export function toCommentRecord(comment: GitHubIssueComment): GitHubCommentRecord {
  return {
    githubId: BigInt(comment.id),
    body: comment.body,
    authorLogin: comment.user?.login ?? null,
    createdAt: new Date(comment.created_at),
    updatedAt: new Date(comment.updated_at),
    contentHash: commentContentHash(comment.body),
  };
}
