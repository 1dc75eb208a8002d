/** Comment and reaction mutations; comments bump their issue's `updated_at` like on GitHub. */
import { nextId } from '../generator/ids.js';
import { nodeId } from '../util/ids.js';
import { notFound } from './errors.js';
import type { MutationHost } from './host.js';
import { requireIssue } from './issue-mutations.js';
import type { RepoState } from './repo-state.js';
import type { ReactionContent, SimComment, SimReaction, SimUser } from './types.js';
import { emptyReactions } from './types.js';

export function requireComment(state: RepoState, commentId: number): SimComment {
  const comment = state.comments.get(commentId);
  if (!comment) throw notFound(`comment ${commentId}`);
  return comment;
}

export function createComment(
  host: MutationHost,
  state: RepoState,
  issueNumber: number,
  body: string,
  actor: SimUser,
): SimComment {
  const issue = requireIssue(state, issueNumber);
  const id = nextId(host.counters, 'comment');
  const now = host.clock.now();
  const comment: SimComment = {
    id,
    node_id: nodeId('IC', state.repo.id, id),
    issue_number: issueNumber,
    body,
    user: actor.login,
    reactions: emptyReactions(),
    created_at: now,
    updated_at: now,
  };
  state.addComment(comment);
  issue.comments += 1;
  issue.updated_at = now;
  state.touch();
  host.emit({ type: 'comment.created', at: now, repo: state.repo, sender: actor, issue, comment });
  return comment;
}

export function updateComment(
  host: MutationHost,
  state: RepoState,
  commentId: number,
  body: string,
  actor: SimUser,
): SimComment {
  const comment = requireComment(state, commentId);
  if (comment.body === body) return comment;
  const issue = requireIssue(state, comment.issue_number);
  const now = host.clock.now();
  const from = comment.body;
  comment.body = body;
  comment.updated_at = now;
  issue.updated_at = now;
  state.touch();
  host.emit({
    type: 'comment.edited',
    at: now,
    repo: state.repo,
    sender: actor,
    issue,
    comment,
    changes: { body: { from } },
  });
  return comment;
}

export function deleteComment(
  host: MutationHost,
  state: RepoState,
  commentId: number,
  actor: SimUser,
): SimComment {
  const comment = requireComment(state, commentId);
  const issue = requireIssue(state, comment.issue_number);
  const now = host.clock.now();
  state.removeComment(comment);
  issue.comments = Math.max(0, issue.comments - 1);
  issue.updated_at = now;
  state.touch();
  host.emit({ type: 'comment.deleted', at: now, repo: state.repo, sender: actor, issue, comment });
  return comment;
}

/** Adds a reaction to an issue (no `commentId`) or to one of its comments. */
export function addReaction(
  host: MutationHost,
  state: RepoState,
  target: { issueNumber: number; commentId?: number },
  content: ReactionContent,
  actor: SimUser,
): SimReaction {
  const issue = requireIssue(state, target.issueNumber);
  const comment = target.commentId === undefined ? undefined : requireComment(state, target.commentId);
  const reactions = comment ? comment.reactions : issue.reactions;
  reactions[content] += 1;
  const reaction: SimReaction = {
    id: nextId(host.counters, 'reaction'),
    content,
    user: actor.login,
    created_at: host.clock.now(),
  };
  state.touch();
  host.emit({
    type: 'reaction.created',
    at: reaction.created_at,
    repo: state.repo,
    sender: actor,
    issue,
    comment,
    reaction,
  });
  return reaction;
}
