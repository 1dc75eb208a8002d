/** `issue_read` method `get`: REST issue + best-effort GraphQL enrichment. */
import type { SimText } from '../profile.js';
import type { RepoState } from '../../store/repo-state.js';
import type { SimIssue } from '../../store/types.js';
import { graphqlPullState } from '../minimal-pull.js';
import { WEB_BASE, restMinimalIssue } from '../minimal.js';
import { RpcError, structuredResult } from '../result.js';
import type { ToolResult } from '../result.js';
import type { Upstream } from '../upstream.js';
import { restErrorString, restFailure } from '../upstream-errors.js';

const STATE_ORDER = { OPEN: 0, MERGED: 1, CLOSED: 2 } as const;

function closingReferences(state: RepoState, issue: SimIssue, text: SimText): Record<string, unknown> {
  if (issue.pull) return { total_count: 0, references: [] };
  const prs = state
    .closingPullRequests(issue.number)
    .filter((pr) => pr.pull?.base_ref === state.repo.default_branch)
    .map((pr) => ({ pr, state: graphqlPullState(pr) }))
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.pr.number - b.pr.number);
  const references = prs.slice(0, 5).map(({ pr, state: prState }) => ({
    number: pr.number,
    title: text.title(pr.title),
    state: prState,
    url: `${WEB_BASE}/${state.fullName}/pull/${pr.number}`,
    repository: state.fullName,
  }));
  return { total_count: prs.length, references };
}

export function getIssue(up: Upstream, owner: string, repo: string, issueNumber: number): ToolResult {
  const path = `/repos/${owner}/${repo}/issues/${issueNumber}`;
  const failure = up.rest('GET', path);
  if (failure) throw new RpcError(`failed to get issue: ${restErrorString(failure)}`, 0);
  const state = up.visibleRepo(owner, repo);
  const issue = state?.items.get(issueNumber);
  if (!state || !issue) {
    const gone = state?.deleted.has(issueNumber) ?? false;
    const missing = gone
      ? restFailure('GET', path, 410, 'This issue was deleted')
      : restFailure('GET', path, 404, 'Not Found');
    throw new RpcError(`failed to get issue: ${restErrorString(missing)}`, 0);
  }
  const minimal = restMinimalIssue(up.store, state, issue, up.text);
  // The enrichment query is best effort: when it fails the issue comes back without these keys.
  if (up.graphql() === undefined) {
    minimal['has_parent'] = false;
    minimal['has_children'] = false;
    minimal['closed_by_pull_requests'] = closingReferences(state, issue, up.text);
  }
  return structuredResult(minimal, up.profile.structuredContent);
}
