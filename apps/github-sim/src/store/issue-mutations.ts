/** Issue creation, update and deletion with GitHub's side effects and domain events. */
import { nextId } from '../generator/ids.js';
import { nodeId } from '../util/ids.js';
import { StoreError, notFound } from './errors.js';
import type { ValidationDetail } from './errors.js';
import type { MutationHost } from './host.js';
import { openItem } from './new-items.js';
import type { RepoState } from './repo-state.js';
import type { IssueState, SimIssue, SimLabel, SimUser, StateReason } from './types.js';

export interface IssueInput {
  title: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  milestone?: number | null;
}

export interface IssuePatch {
  title?: string;
  body?: string;
  labels?: string[];
  assignees?: string[];
  milestone?: number | null;
  state?: IssueState;
  state_reason?: StateReason | null;
}

export function requireIssue(state: RepoState, issueNumber: number): SimIssue {
  const issue = state.items.get(issueNumber);
  if (issue) return issue;
  if (state.deleted.has(issueNumber)) throw new StoreError('gone', 'This issue was deleted');
  throw notFound(`issue ${state.fullName}#${issueNumber}`);
}

/** Users who may be assigned: the owner and the collaborators. */
export function isAssignable(state: RepoState, login: string): boolean {
  const lower = login.toLowerCase();
  return (
    state.repo.owner.toLowerCase() === lower ||
    state.repo.collaborators.some((c) => c.toLowerCase() === lower)
  );
}

function resolveAssignees(host: MutationHost, state: RepoState, logins: string[]): string[] {
  const invalid: ValidationDetail[] = [];
  const out: string[] = [];
  for (const login of logins) {
    const user = host.findUser(login);
    if (!user || !isAssignable(state, login))
      invalid.push({ resource: 'Issue', field: 'assignees', code: 'invalid', value: login });
    else if (!out.includes(user.login)) out.push(user.login);
  }
  if (invalid.length > 0) throw new StoreError('validation', 'Validation Failed', invalid);
  return out;
}

/** Label names as stored; unknown labels are created, as the REST API does. */
function resolveLabels(host: MutationHost, state: RepoState, names: string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    if (name === '') continue;
    let label = state.findLabel(name);
    if (!label) {
      const id = nextId(host.counters, 'label');
      label = {
        id,
        node_id: nodeId('LA', state.repo.id, id),
        name,
        color: 'ededed',
        description: '',
        default: false,
      };
      state.labels.push(label);
    }
    if (!out.includes(label.name)) out.push(label.name);
  }
  return out.sort();
}

function checkMilestone(state: RepoState, milestone: number | null | undefined): void {
  if (milestone === null || milestone === undefined) return;
  if (!state.milestones.some((m) => m.number === milestone)) {
    throw new StoreError('validation', 'Validation Failed', [
      { resource: 'Issue', field: 'milestone', code: 'invalid', value: String(milestone) },
    ]);
  }
}

export function createIssue(
  host: MutationHost,
  state: RepoState,
  input: IssueInput,
  actor: SimUser,
): SimIssue {
  const assignees = resolveAssignees(host, state, input.assignees ?? []);
  checkMilestone(state, input.milestone);
  const labels = resolveLabels(host, state, input.labels ?? []);
  return openItem(host, state, actor, {
    kind: 'I',
    title: input.title,
    body: input.body,
    labels,
    assignees,
    milestone: input.milestone ?? null,
    pull: () => null,
  });
}

function labelByName(state: RepoState, name: string): SimLabel | undefined {
  return state.findLabel(name);
}

/** Applies a patch; bumps `updated_at` only when something actually changed. */
export function updateIssue(
  host: MutationHost,
  state: RepoState,
  issueNumber: number,
  patch: IssuePatch,
  actor: SimUser,
): SimIssue {
  const issue = requireIssue(state, issueNumber);
  const assignees =
    patch.assignees === undefined ? undefined : resolveAssignees(host, state, patch.assignees);
  checkMilestone(state, patch.milestone);
  const labels = patch.labels === undefined ? undefined : resolveLabels(host, state, patch.labels);
  const before = { ...issue, labels: [...issue.labels], assignees: [...issue.assignees] };
  const now = host.clock.now();
  const events: Parameters<MutationHost['emit']>[0][] = [];
  const base = { at: now, repo: state.repo, sender: actor };

  const changes: { title?: { from: string }; body?: { from: string } } = {};
  if (patch.title !== undefined && patch.title !== issue.title) {
    changes.title = { from: issue.title };
    issue.title = patch.title;
  }
  if (patch.body !== undefined && patch.body !== issue.body) {
    changes.body = { from: issue.body };
    issue.body = patch.body;
  }
  if (changes.title || changes.body) events.push({ ...base, type: 'issue.edited', changes });
  if (patch.milestone !== undefined && patch.milestone !== issue.milestone) issue.milestone = patch.milestone;
  if (labels) {
    issue.labels = labels;
    for (const name of labels.filter((l) => !before.labels.includes(l))) {
      events.push({ ...base, type: 'issue.labeled', label: labelByName(state, name) });
    }
    for (const name of before.labels.filter((l) => !labels.includes(l))) {
      events.push({ ...base, type: 'issue.unlabeled', label: labelByName(state, name) });
    }
  }
  if (assignees) {
    issue.assignees = assignees;
    for (const login of assignees.filter((a) => !before.assignees.includes(a))) {
      events.push({ ...base, type: 'issue.assigned', assignee: host.findUser(login) });
    }
    for (const login of before.assignees.filter((a) => !assignees.includes(a))) {
      events.push({ ...base, type: 'issue.unassigned', assignee: host.findUser(login) });
    }
  }
  if (patch.state === 'closed') {
    const reason = patch.state_reason && patch.state_reason !== 'reopened' ? patch.state_reason : 'completed';
    if (issue.state !== 'closed') {
      issue.state = 'closed';
      issue.closed_at = now;
      issue.closed_by = actor.login;
      issue.state_reason = reason;
      events.push({ ...base, type: 'issue.closed' });
    } else if (issue.state_reason !== reason) {
      issue.state_reason = reason;
      events.push({ ...base, type: 'issue.edited', changes: {} });
    }
  } else if (patch.state === 'open' && issue.state === 'closed') {
    issue.state = 'open';
    issue.state_reason = 'reopened';
    issue.closed_at = null;
    issue.closed_by = null;
    events.push({ ...base, type: 'issue.reopened' });
  }
  const changed = events.length > 0 || issue.milestone !== before.milestone;
  if (!changed) return issue;
  issue.updated_at = now;
  state.touch();
  for (const event of events) host.emit({ ...event, issue });
  return issue;
}

export function deleteIssue(
  host: MutationHost,
  state: RepoState,
  issueNumber: number,
  actor: SimUser,
): SimIssue {
  const issue = requireIssue(state, issueNumber);
  state.removeIssue(issueNumber);
  host.emit({ type: 'issue.deleted', at: host.clock.now(), repo: state.repo, sender: actor, issue });
  return issue;
}
