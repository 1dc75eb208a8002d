/** `pull_request_read`: `get` (404 → isError) and `get_comments` (issue comments, JSON-RPC errors). */
import { minimalPull } from '../minimal-pull.js';
import { optionalPagination, requiredInt, requiredString } from '../params.js';
import { errorResult, structuredResult } from '../result.js';
import type { ToolResult } from '../result.js';
import type { Upstream } from '../upstream.js';
import { friendlyRestMessage, restFailure } from '../upstream-errors.js';
import { getIssueComments } from './issue-comments.js';
import type { ToolCall } from './types.js';

const NOT_SIMULATED = [
  'get_diff',
  'get_status',
  'get_files',
  'get_commits',
  'get_review_comments',
  'get_reviews',
  'get_check_runs',
];

function getPullRequest(up: Upstream, owner: string, repo: string, pullNumber: number): ToolResult {
  const prefix = 'failed to get pull request';
  const path = `/repos/${owner}/${repo}/pulls/${pullNumber}`;
  const failure = up.rest('GET', path);
  if (failure) return errorResult(friendlyRestMessage(prefix, failure));
  const state = up.visibleRepo(owner, repo);
  const pr = state?.items.get(pullNumber);
  if (!state || !pr?.pull)
    return errorResult(friendlyRestMessage(prefix, restFailure('GET', path, 404, 'Not Found')));
  return structuredResult(
    minimalPull(up.store, state, pr, pr.pull, false, up.text),
    up.profile.structuredContent,
  );
}

export function pullRequestRead({ args, up }: ToolCall): ToolResult {
  const method = requiredString(args, 'method');
  const owner = requiredString(args, 'owner');
  const repo = requiredString(args, 'repo');
  const pullNumber = requiredInt(args, 'pullNumber');
  const pagination = optionalPagination(args);
  if (method === 'get') return getPullRequest(up, owner, repo, pullNumber);
  if (method === 'get_comments') return getIssueComments(up, owner, repo, pullNumber, pagination);
  if (NOT_SIMULATED.includes(method))
    return errorResult(`github-sim: pull_request_read method ${method} is not simulated`);
  return errorResult(`unknown method: ${method}`);
}
