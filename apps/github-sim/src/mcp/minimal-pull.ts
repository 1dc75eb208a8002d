/** `MinimalPullRequest` as converted from the REST pull request objects. */
import type { SimText } from './profile.js';
import type { RepoState } from '../store/repo-state.js';
import type { SimStore } from '../store/store.js';
import type { SimIssue, SimPullData } from '../store/types.js';
import { WEB_BASE, minimalUser, put, userOf } from './minimal.js';

function branch(state: RepoState, ref: string, sha: string, fullName: string): Record<string, unknown> {
  const repo: Record<string, unknown> = { full_name: fullName };
  put(repo, 'description', state.repo.description);
  return { ref, sha, repo };
}

/**
 * `list: true` mimics the REST list endpoint ("pull-request-simple"): `merged` is always false and
 * `merged_by`, `mergeable_state`, additions/deletions/changed_files/commits/comments are absent.
 */
export function minimalPull(
  store: SimStore,
  state: RepoState,
  issue: SimIssue,
  pull: SimPullData,
  list: boolean,
  text: SimText,
): Record<string, unknown> {
  const m: Record<string, unknown> = { number: issue.number, title: text.title(issue.title) };
  put(m, 'body', text.body(issue.body));
  m['state'] = issue.state;
  m['draft'] = pull.draft;
  m['merged'] = list ? false : pull.merged;
  if (!list) put(m, 'mergeable_state', pull.mergeable_state);
  m['html_url'] = `${WEB_BASE}/${state.fullName}/pull/${issue.number}`;
  m['user'] = minimalUser(userOf(store, issue.user));
  put(m, 'labels', issue.labels);
  put(m, 'assignees', issue.assignees);
  put(m, 'requested_reviewers', pull.requested_reviewers);
  if (!list) put(m, 'merged_by', pull.merged_by);
  m['head'] = branch(state, pull.head_ref, pull.head_sha, pull.head_repo);
  m['base'] = branch(state, pull.base_ref, pull.base_sha, state.fullName);
  if (!list) {
    put(m, 'additions', pull.additions);
    put(m, 'deletions', pull.deletions);
    put(m, 'changed_files', pull.changed_files);
    put(m, 'commits', pull.commits);
    put(m, 'comments', issue.comments);
  }
  m['created_at'] = issue.created_at;
  m['updated_at'] = issue.updated_at;
  put(m, 'closed_at', issue.closed_at);
  put(m, 'merged_at', pull.merged_at);
  put(m, 'milestone', state.milestones.find((ms) => ms.number === issue.milestone)?.title);
  return m;
}

/** GraphQL `PullRequestState` of a pull request. */
export function graphqlPullState(issue: SimIssue): 'OPEN' | 'CLOSED' | 'MERGED' {
  if (issue.pull?.merged) return 'MERGED';
  return issue.state === 'open' ? 'OPEN' : 'CLOSED';
}
