/** `issue_read`: dispatch on `method`; get_sub_issues, get_parent and get_labels. */
import { goQueryString } from '../../util/go-format.js';
import { sortedKeys } from '../../util/go-json.js';
import { optionalPagination, requiredInt, requiredString } from '../params.js';
import { errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import type { Upstream } from '../upstream.js';
import { unresolvedIssue, unresolvedRepo } from '../upstream.js';
import { friendlyRestMessage, graphqlErrorString, restFailure } from '../upstream-errors.js';
import type { GraphqlFailure, GraphqlHttpFailure } from '../upstream-errors.js';
import { getIssueComments } from './issue-comments.js';
import { getIssue } from './issue-read-get.js';
import type { ToolCall } from './types.js';

function getSubIssues(
  up: Upstream,
  owner: string,
  repo: string,
  n: number,
  page: number,
  perPage: number,
): ToolResult {
  const path = `/repos/${owner}/${repo}/issues/${n}/sub_issues${goQueryString({ page, per_page: perPage })}`;
  const failure = up.rest('GET', path);
  const prefix = 'failed to list sub-issues';
  if (failure) return errorResult(friendlyRestMessage(prefix, failure));
  const state = up.visibleRepo(owner, repo);
  if (!state || !state.items.has(n)) {
    const gone = state?.deleted.has(n) ?? false;
    return errorResult(
      friendlyRestMessage(
        prefix,
        restFailure('GET', path, gone ? 410 : 404, gone ? 'This issue was deleted' : 'Not Found'),
      ),
    );
  }
  return jsonResult([]);
}

/** GraphQL `repository(owner,name).issue(number)` resolution shared by get_parent and get_labels. */
function resolveIssueGql(up: Upstream, owner: string, repo: string, n: number) {
  const failure: GraphqlFailure | GraphqlHttpFailure | undefined = up.graphql();
  if (failure) return { failure };
  const state = up.visibleRepo(owner, repo);
  if (!state) return { failure: unresolvedRepo(owner, repo) };
  const issue = state.items.get(n);
  if (!issue || issue.pull) return { failure: unresolvedIssue(n) };
  return { state, issue };
}

function getParent(up: Upstream, owner: string, repo: string, n: number): ToolResult {
  const resolved = resolveIssueGql(up, owner, repo, n);
  if (resolved.failure)
    return errorResult(`failed to get issue parent: ${graphqlErrorString(resolved.failure)}`);
  return jsonResult({ parent: null });
}

function getLabels(up: Upstream, owner: string, repo: string, n: number): ToolResult {
  const resolved = resolveIssueGql(up, owner, repo, n);
  if (resolved.failure)
    return errorResult(`Failed to get issue labels: ${graphqlErrorString(resolved.failure)}`);
  const { state, issue } = resolved;
  const labels = issue.labels.map((name) => {
    const label = state.findLabel(name);
    return sortedKeys({
      id: label?.node_id ?? '',
      name,
      color: label?.color ?? '',
      description: label?.description ?? '',
    });
  });
  return jsonResult({ labels, totalCount: labels.length });
}

export function issueRead({ args, up }: ToolCall): ToolResult {
  const method = requiredString(args, 'method');
  const owner = requiredString(args, 'owner');
  const repo = requiredString(args, 'repo');
  const issueNumber = requiredInt(args, 'issue_number');
  const pagination = optionalPagination(args);
  switch (method) {
    case 'get':
      return getIssue(up, owner, repo, issueNumber);
    case 'get_comments':
      return getIssueComments(up, owner, repo, issueNumber, pagination);
    case 'get_sub_issues':
      return getSubIssues(up, owner, repo, issueNumber, pagination.page, pagination.perPage);
    case 'get_parent':
      return getParent(up, owner, repo, issueNumber);
    case 'get_labels':
      return getLabels(up, owner, repo, issueNumber);
    default:
      return errorResult(`unknown method: ${method}`);
  }
}
