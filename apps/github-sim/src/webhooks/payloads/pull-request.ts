import { authorAssociation } from '../../mcp/minimal.js';
import type { RepoState } from '../../store/repo-state.js';
import type { SimStore } from '../../store/store.js';
import type { SimIssue, SimPullData } from '../../store/types.js';
import { API_BASE, WEB_BASE, userByLogin } from './common.js';
import { issueObject, labelObject, milestoneObject } from './issue.js';
import { repositoryObject } from './repository.js';

function branch(store: SimStore, state: RepoState, ref: string, sha: string, fullName: string) {
  const repo = store.repo(...(fullName.split('/') as [string, string])) ?? state;
  return {
    label: `${repo.repo.owner}:${ref}`,
    ref,
    sha,
    user: userByLogin(store, repo.repo.owner),
    repo: repositoryObject(store, repo.repo),
  };
}

/** The REST pull request object (`pull_request` payloads). */
export function pullRequestObject(
  store: SimStore,
  state: RepoState,
  issue: SimIssue,
  pull: SimPullData,
): Record<string, unknown> {
  const api = `${API_BASE}/repos/${state.fullName}/pulls/${issue.number}`;
  const issueApi = `${API_BASE}/repos/${state.fullName}/issues/${issue.number}`;
  const html = `${WEB_BASE}/${state.fullName}/pull/${issue.number}`;
  const asIssue = issueObject(store, state, issue);
  const milestone = state.milestones.find((m) => m.number === issue.milestone);
  return {
    url: api,
    id: issue.id,
    node_id: issue.node_id.replace(/^I_/, 'PR_'),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueApi,
    number: issue.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: userByLogin(store, issue.user),
    body: issue.body === '' ? null : issue.body,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    merged_at: pull.merged_at,
    merge_commit_sha: pull.merged ? pull.head_sha : null,
    assignee: asIssue['assignee'],
    assignees: asIssue['assignees'],
    requested_reviewers: pull.requested_reviewers.map((login) => userByLogin(store, login)),
    requested_teams: [],
    labels: issue.labels.map((name) => {
      const label = state.findLabel(name);
      return label ? labelObject(state.repo, label) : { name };
    }),
    milestone: milestone ? milestoneObject(store, state, milestone) : null,
    draft: pull.draft,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${API_BASE}/repos/${state.fullName}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${API_BASE}/repos/${state.fullName}/statuses/${pull.head_sha}`,
    head: branch(store, state, pull.head_ref, pull.head_sha, pull.head_repo),
    base: branch(store, state, pull.base_ref, pull.base_sha, state.fullName),
    author_association: authorAssociation(store, state, issue.user),
    auto_merge: null,
    active_lock_reason: null,
    merged: pull.merged,
    mergeable: pull.merged ? null : true,
    rebaseable: pull.merged ? null : true,
    mergeable_state: pull.mergeable_state,
    merged_by: pull.merged_by ? userByLogin(store, pull.merged_by) : null,
    comments: issue.comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits,
    additions: pull.additions,
    deletions: pull.deletions,
    changed_files: pull.changed_files,
  };
}
