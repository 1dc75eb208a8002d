import type { CommentWithLink, IssueDetail, IssueWithRelations, OutboundStatus } from '#libs/db';
import type {
  GitHubOutboundView,
  IssueCommentView,
  IssueDetailView,
  IssueView,
  OutboundWarningView,
} from '../docs/responses/issues.js';
import type { OutboundField } from '#libs/issues';

export function presentIssue(issue: IssueWithRelations): IssueView {
  const link = issue.githubSync;
  return {
    id: issue.id,
    project_id: issue.projectId,
    sequence_id: issue.sequenceId,
    title: issue.title,
    description: issue.description,
    state: issue.state,
    priority: issue.priority,
    milestone: issue.milestone,
    labels: issue.labels.map((l) => l.label.name).sort(),
    assignees: issue.assignees.map((a) => ({ github_login: a.githubLogin, user_id: a.userId })),
    comment_count: issue._count.comments,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    completed_at: issue.completedAt,
    github: link
      ? {
          repository: `${link.repositorySync.repository.owner}/${link.repositorySync.repository.name}`,
          number: link.githubNumber,
          url: link.githubUrl,
          updated_at: link.githubUpdatedAt,
          last_synced_at: link.lastSyncedAt,
        }
      : null,
  };
}

export function presentComment(comment: CommentWithLink): IssueCommentView {
  return {
    id: comment.id,
    body: comment.body,
    author_login: comment.authorLogin,
    author_id: comment.authorId,
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    github_comment_id: comment.githubSync?.githubId.toString() ?? null,
  };
}

/** What the issue still owes GitHub (empty when everything was written or the repository is read-only). */
export function presentOutbound(status: OutboundStatus): GitHubOutboundView {
  return {
    // Stored JSON, written by the outbound writer only (dirty field keys, GitHubSideState, OutboundWarning).
    pending_fields: status.pendingFields as OutboundField[],
    pending_state: status.pendingState as GitHubOutboundView['pending_state'],
    pending_comments: status.pendingComments,
    pending_comment_edits: status.pendingCommentEdits,
    last_error: status.lastError,
    warnings: status.warnings as OutboundWarningView[],
    last_pushed_at: status.lastPushedAt,
  };
}

/** One issue with a page of its comments (oldest first) and what it still owes GitHub. */
export function presentIssueDetail({ issue, comments, page, outbound }: IssueDetail): IssueDetailView {
  const more = page.page * page.perPage < comments.total;
  return {
    ...presentIssue(issue),
    comments: comments.items.map(presentComment),
    comments_total: comments.total,
    comments_page: page.page,
    comments_per_page: page.perPage,
    comments_next_page: more ? page.page + 1 : null,
    github_outbound: presentOutbound(outbound),
  };
}
