import { authorAssociation } from '../../mcp/minimal.js';
import type { RepoState } from '../../store/repo-state.js';
import type { SimStore } from '../../store/store.js';
import type { SimComment, SimIssue, SimLabel, SimMilestone, SimRepo } from '../../store/types.js';
import { nodeId } from '../../util/ids.js';
import { API_BASE, WEB_BASE, reactionsObject, userByLogin } from './common.js';

export function labelObject(repo: SimRepo, label: SimLabel): Record<string, unknown> {
  return {
    id: label.id,
    node_id: label.node_id,
    url: `${API_BASE}/repos/${repo.full_name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description || null,
  };
}

function labelsOf(state: RepoState, issue: SimIssue): Record<string, unknown>[] {
  return issue.labels.map((name) => {
    const label = state.findLabel(name) ?? {
      id: 0,
      node_id: '',
      name,
      color: 'ededed',
      description: '',
      default: false,
    };
    return labelObject(state.repo, label);
  });
}

export function milestoneObject(store: SimStore, state: RepoState, milestone: SimMilestone) {
  const api = `${API_BASE}/repos/${state.fullName}/milestones/${milestone.number}`;
  return {
    url: api,
    html_url: `${WEB_BASE}/${state.fullName}/milestone/${milestone.number}`,
    labels_url: `${api}/labels`,
    id: milestone.id,
    node_id: nodeId('MI', state.repo.id, milestone.id),
    number: milestone.number,
    title: milestone.title,
    description: null,
    creator: userByLogin(store, state.repo.owner),
    open_issues: 0,
    closed_issues: 0,
    state: milestone.state,
    created_at: state.repo.created_at,
    updated_at: state.repo.updated_at,
    due_on: null,
    closed_at: null,
  };
}

/** The REST issue object (`issues` and `issue_comment` payloads); pull requests carry `pull_request`. */
export function issueObject(store: SimStore, state: RepoState, issue: SimIssue): Record<string, unknown> {
  const api = `${API_BASE}/repos/${state.fullName}/issues/${issue.number}`;
  const kind = issue.pull ? 'pull' : 'issues';
  const milestone = state.milestones.find((m) => m.number === issue.milestone);
  const assignees = issue.assignees.map((login) => userByLogin(store, login));
  const object: Record<string, unknown> = {
    url: api,
    repository_url: `${API_BASE}/repos/${state.fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${WEB_BASE}/${state.fullName}/${kind}/${issue.number}`,
    id: issue.id,
    node_id: issue.node_id,
    number: issue.number,
    title: issue.title,
    user: userByLogin(store, issue.user),
    labels: labelsOf(state, issue),
    state: issue.state,
    locked: issue.locked,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: milestone ? milestoneObject(store, state, milestone) : null,
    comments: issue.comments,
    created_at: issue.created_at,
    updated_at: issue.updated_at,
    closed_at: issue.closed_at,
    author_association: authorAssociation(store, state, issue.user),
    type: null,
    active_lock_reason: null,
    sub_issues_summary: { total: 0, completed: 0, percent_completed: 0 },
    body: issue.body === '' ? null : issue.body,
    closed_by: issue.closed_by ? userByLogin(store, issue.closed_by) : null,
    reactions: reactionsObject(api, issue.reactions),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.state_reason,
  };
  if (issue.pull) {
    const pulls = `${API_BASE}/repos/${state.fullName}/pulls/${issue.number}`;
    const html = `${WEB_BASE}/${state.fullName}/pull/${issue.number}`;
    object['draft'] = issue.pull.draft;
    object['pull_request'] = {
      url: pulls,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: issue.pull.merged_at,
    };
  }
  return object;
}

/** The REST issue comment object (`issue_comment` payloads). */
export function commentObject(
  store: SimStore,
  state: RepoState,
  comment: SimComment,
): Record<string, unknown> {
  const api = `${API_BASE}/repos/${state.fullName}/issues/comments/${comment.id}`;
  const kind = state.items.get(comment.issue_number)?.pull ? 'pull' : 'issues';
  return {
    url: api,
    html_url: `${WEB_BASE}/${state.fullName}/${kind}/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `${API_BASE}/repos/${state.fullName}/issues/${comment.issue_number}`,
    id: comment.id,
    node_id: comment.node_id,
    user: userByLogin(store, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(store, state, comment.user),
    body: comment.body,
    reactions: reactionsObject(api, comment.reactions),
    performed_via_github_app: null,
  };
}
