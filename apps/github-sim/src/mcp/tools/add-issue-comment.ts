/** `add_issue_comment`: reaction first (issue or comment), then the comment. */
import type { RepoState } from '../../store/repo-state.js';
import type { ReactionContent } from '../../store/types.js';
import { REACTION_CONTENTS } from '../../store/types.js';
import { isAssignable } from '../../store/issue-mutations.js';
import { commentHtmlUrl } from '../minimal.js';
import { optionalStringOK, requiredInt, requiredString, toInt } from '../params.js';
import { errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import type { Upstream } from '../upstream.js';
import { API_BASE, friendlyRestMessage, restFailure } from '../upstream-errors.js';
import type { ToolCall } from './types.js';

type Answer = { id: string; url: string };

function missing(
  state: RepoState | undefined,
  issueNumber: number,
): { status: number; message: string } | undefined {
  if (state?.items.has(issueNumber)) return undefined;
  return state?.deleted.has(issueNumber)
    ? { status: 410, message: 'This issue was deleted' }
    : { status: 404, message: 'Not Found' };
}

function react(
  up: Upstream,
  owner: string,
  repo: string,
  issueNumber: number,
  content: ReactionContent,
  commentId?: number,
): Answer | ToolResult {
  const state = up.visibleRepo(owner, repo);
  if (commentId !== undefined) {
    const getPath = `/repos/${owner}/${repo}/issues/comments/${commentId}`;
    const failure = up.rest('GET', getPath);
    if (failure) return errorResult(friendlyRestMessage('failed to get issue comment', failure));
    const comment = state?.comments.get(commentId);
    if (!state || !comment)
      return errorResult(
        friendlyRestMessage('failed to get issue comment', restFailure('GET', getPath, 404, 'Not Found')),
      );
    if (comment.issue_number !== issueNumber)
      return errorResult(`comment_id does not belong to issue_number ${issueNumber}`);
    const path = `${getPath}/reactions`;
    const postFailure = up.rest('POST', path);
    if (postFailure)
      return errorResult(friendlyRestMessage('failed to add reaction to issue comment', postFailure));
    const reaction = up.store.addReaction(state, { issueNumber, commentId }, content, up.user);
    return {
      id: String(reaction.id),
      url: `${API_BASE}/repos/${owner}/${repo}/issues/comments/${commentId}/reactions/${reaction.id}`,
    };
  }
  const path = `/repos/${owner}/${repo}/issues/${issueNumber}/reactions`;
  const failure = up.rest('POST', path);
  if (failure) return errorResult(friendlyRestMessage('failed to add reaction to issue', failure));
  const m = missing(state, issueNumber);
  if (!state || m) {
    const notFound = restFailure('POST', path, m?.status ?? 404, m?.message ?? 'Not Found');
    return errorResult(friendlyRestMessage('failed to add reaction to issue', notFound));
  }
  const reaction = up.store.addReaction(state, { issueNumber }, content, up.user);
  return {
    id: String(reaction.id),
    url: `${API_BASE}/repos/${owner}/${repo}/issues/${issueNumber}/reactions/${reaction.id}`,
  };
}

function comment(
  up: Upstream,
  owner: string,
  repo: string,
  issueNumber: number,
  body: string,
): Answer | ToolResult {
  const prefix = 'failed to create comment';
  const path = `/repos/${owner}/${repo}/issues/${issueNumber}/comments`;
  const failure = up.rest('POST', path);
  if (failure) return errorResult(friendlyRestMessage(prefix, failure));
  const state = up.visibleRepo(owner, repo);
  const m = missing(state, issueNumber);
  if (!state || m)
    return errorResult(
      friendlyRestMessage(prefix, restFailure('POST', path, m?.status ?? 404, m?.message ?? 'Not Found')),
    );
  const issue = state.items.get(issueNumber);
  if (issue?.locked && !isAssignable(state, up.user.login)) {
    return errorResult(
      friendlyRestMessage(
        prefix,
        restFailure('POST', path, 403, 'Unable to create comment because issue is locked.'),
      ),
    );
  }
  const created = up.store.createComment(state, issueNumber, body, up.user);
  return { id: String(created.id), url: commentHtmlUrl(state, created) };
}

function isAnswer(value: Answer | ToolResult): value is Answer {
  return typeof (value as Answer).id === 'string';
}

export function addIssueComment({ args, up }: ToolCall): ToolResult {
  const owner = requiredString(args, 'owner');
  const repo = requiredString(args, 'repo');
  const issueNumber = requiredInt(args, 'issue_number');
  let commentId: number | undefined;
  if ('comment_id' in args) {
    try {
      commentId = toInt(args['comment_id']);
    } catch (err) {
      return errorResult(`parameter comment_id is not a valid number: ${(err as Error).message}`);
    }
    if (commentId < 1) return errorResult('comment_id must be greater than 0');
  }
  const body = optionalStringOK(args, 'body');
  const reaction = optionalStringOK(args, 'reaction');
  if (commentId !== undefined && body.present) return errorResult('comment_id cannot be combined with body');
  if (commentId !== undefined && !reaction.present)
    return errorResult('comment_id can only be provided when reaction is provided');
  if (!body.present && !reaction.present) return errorResult('at least one of body or reaction is required');
  if (body.present && body.value === '') return errorResult('body cannot be empty when provided');
  if (reaction.present && reaction.value === '') return errorResult('reaction cannot be empty when provided');
  if (reaction.present && !REACTION_CONTENTS.includes(reaction.value as ReactionContent)) {
    return errorResult('reaction must be one of +1, -1, laugh, confused, heart, hooray, rocket, eyes');
  }
  let reactionAnswer: Answer | undefined;
  if (reaction.present) {
    const result = react(up, owner, repo, issueNumber, reaction.value as ReactionContent, commentId);
    if (!isAnswer(result)) return result;
    reactionAnswer = result;
  }
  let commentAnswer: Answer | undefined;
  if (body.present) {
    const result = comment(up, owner, repo, issueNumber, body.value);
    if (!isAnswer(result)) return result;
    commentAnswer = result;
  }
  if (commentAnswer && reactionAnswer)
    return jsonResult({ comment: commentAnswer, reaction: reactionAnswer });
  return jsonResult(reactionAnswer ?? commentAnswer);
}
