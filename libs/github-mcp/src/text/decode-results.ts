import type { GitHubIssue, GitHubIssueComment, GitHubPullRequest, ListIssuesResult } from '../types.js';
import type { TextCodec } from './text-encoding.js';

/** Per-result decoders: the titles and bodies of a parsed tool result, through the connection's codec. */
export type TextDecoder<T> = (value: T, codec: TextCodec) => T;

export const decodeListIssues: TextDecoder<ListIssuesResult> = (result, codec) => ({
  ...result,
  issues: result.issues.map((issue) => ({
    ...issue,
    title: codec.title(issue.title),
    body: codec.body(issue.body),
  })),
});

export const decodeIssue: TextDecoder<GitHubIssue> = (issue, codec) => {
  const decoded: GitHubIssue = { ...issue, title: codec.title(issue.title), body: codec.body(issue.body) };
  if (issue.parent) decoded.parent = { ...issue.parent, title: codec.title(issue.parent.title) };
  if (issue.closed_by_pull_requests) {
    decoded.closed_by_pull_requests = {
      ...issue.closed_by_pull_requests,
      references: issue.closed_by_pull_requests.references.map((ref) => ({
        ...ref,
        title: codec.title(ref.title),
      })),
    };
  }
  return decoded;
};

export const decodeComments: TextDecoder<GitHubIssueComment[]> = (comments, codec) =>
  comments.map((comment) => ({ ...comment, body: codec.body(comment.body) }));

export const decodePull: TextDecoder<GitHubPullRequest> = (pull, codec) => ({
  ...pull,
  title: codec.title(pull.title),
  body: codec.body(pull.body),
});

export const decodePulls: TextDecoder<GitHubPullRequest[]> = (pulls, codec) =>
  pulls.map((pull) => decodePull(pull, codec));
