import type { GitHubCommentRecord, IssueSnapshot } from '#libs/db';
import type { ListIssuesItem } from '#libs/github-mcp';
import { commentContentHash, toIssueRecord } from '#libs/sync';
import type { RestComment, RestIssue } from './payloads.js';
import type { StateMapping } from '#libs/issues';

type StateReason = Parameters<typeof toIssueRecord>[2]['stateReason'];
const REASONS = new Set(['completed', 'not_planned', 'duplicate', 'reopened']);

/**
 * Webhook text is GitHub's raw text (not HTML-escaped like MCP results, so nothing to decode). Line endings
 * are folded to LF as the MCP server's sanitiser does, so a webhook and a sync page of the same content
 * store the same text and hash the same (echo suppression, no flip-flopping between the two paths).
 */
export function plainText(text: string | null | undefined): string {
  return (text ?? '').replace(/\r\n?/g, '\n');
}

/**
 * REST issue of a webhook payload → the record the sync engine would build for it: the same mapping
 * (`toIssueRecord` of #libs/sync: state mapping, html URL, content hash), plus the REST id and milestone.
 */
export function toIssueSnapshot(
  repo: { owner: string; name: string },
  issue: RestIssue,
  mapping: StateMapping,
) {
  const item: ListIssuesItem = {
    number: issue.number,
    title: plainText(issue.title),
    body: plainText(issue.body),
    state: issue.state === 'open' ? 'OPEN' : 'CLOSED',
    user: issue.user ? { login: issue.user.login } : null,
    labels: issue.labels,
    assignees: issue.assignees,
    comments: issue.comments ?? 0,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    field_values: [],
  };
  const reason = REASONS.has(issue.state_reason ?? '') ? (issue.state_reason as StateReason) : null;
  const record = toIssueRecord(
    repo,
    item,
    { stateReason: reason, closedAt: issue.closed_at ? new Date(issue.closed_at) : null },
    mapping,
  );
  const { comments: _comments, commentCount: _count, ...rest } = record;
  const snapshot: IssueSnapshot = {
    ...rest,
    githubId: BigInt(issue.id),
    milestone: issue.milestone?.title ?? null,
  };
  return snapshot;
}

/** REST comment → the sync engine's comment record (same key and `commentContentHash`). */
export function toCommentRecord(comment: RestComment): GitHubCommentRecord {
  const body = plainText(comment.body);
  return {
    githubId: BigInt(comment.id),
    body,
    authorLogin: comment.user?.login ?? null,
    createdAt: new Date(comment.created_at),
    updatedAt: new Date(comment.updated_at),
    contentHash: commentContentHash(body),
  };
}
