/**
 * `update_issue_comment` (github-mcp-server #3284; offered when the profile enables it): REST
 * `PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}` → MinimalResponse `{id, url}`.
 */
import { isAssignable } from '../../store/issue-mutations.js';
import { commentHtmlUrl } from '../minimal.js';
import { requiredInt, requiredString } from '../params.js';
import { errorResult, jsonResult } from '../result.js';
import { OWNER_PROPERTY, REPO_PROPERTY } from '../toolsnaps/properties.js';
import type { ToolResult } from '../result.js';
import { friendlyRestMessage, restFailure } from '../upstream-errors.js';
import type { ToolCall } from './types.js';

const PREFIX = 'failed to update issue comment';

export function updateIssueComment({ args, up }: ToolCall): ToolResult {
  const owner = requiredString(args, 'owner');
  const repo = requiredString(args, 'repo');
  const commentId = requiredInt(args, 'comment_id');
  const body = requiredString(args, 'body');
  if (body === '') return errorResult('missing required parameter: body');
  const path = `/repos/${owner}/${repo}/issues/comments/${commentId}`;
  const failure = up.rest('PATCH', path);
  if (failure) return errorResult(friendlyRestMessage(PREFIX, failure));
  const state = up.visibleRepo(owner, repo);
  const comment = state?.comments.get(commentId);
  if (!state || !comment) {
    return errorResult(friendlyRestMessage(PREFIX, restFailure('PATCH', path, 404, 'Not Found')));
  }
  const mayEdit = comment.user === up.user.login || isAssignable(state, up.user.login);
  if (!mayEdit) {
    const forbidden = restFailure('PATCH', path, 403, 'Resource not accessible by personal access token');
    return errorResult(friendlyRestMessage(PREFIX, forbidden));
  }
  const updated = up.store.updateComment(state, commentId, body, up.user);
  return jsonResult({ id: String(updated.id), url: commentHtmlUrl(state, updated) });
}

/** Its tools/list entry, as #3284 describes the tool (no upstream snap predates it). */
export const updateIssueCommentSnap = {
  annotations: { idempotentHint: false, readOnlyHint: false, title: 'Update issue comment' },
  description: 'Update the body of an existing comment on an issue or pull request in a GitHub repository.',
  inputSchema: {
    properties: {
      body: { description: 'New comment content', minLength: 1, type: 'string' },
      comment_id: { description: 'The numeric ID of the comment to update', minimum: 1, type: 'integer' },
      owner: OWNER_PROPERTY,
      repo: REPO_PROPERTY,
    },
    required: ['owner', 'repo', 'comment_id', 'body'],
    type: 'object' as const,
  },
  name: 'update_issue_comment',
};
