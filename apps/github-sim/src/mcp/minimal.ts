/** Builders of the github-mcp-server "Minimal*" JSON shapes, keys in Go struct order. */
import type { SimText } from './profile.js';
import type { RepoState } from '../store/repo-state.js';
import type { SimStore } from '../store/store.js';
import type { SimComment, SimIssue, SimReactions, SimUser } from '../store/types.js';

export const WEB_BASE = 'https://github.com';

export interface MinimalUser {
  login: string;
  id?: number;
  profile_url?: string;
  avatar_url?: string;
}

export function minimalUser(user: SimUser): MinimalUser {
  return {
    login: user.login,
    id: user.id,
    profile_url: `${WEB_BASE}/${user.login}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
  };
}

export function userOf(store: SimStore, login: string): SimUser {
  return store.ensureUser(login);
}

/** REST `author_association` of `login` in the repository. */
export function authorAssociation(store: SimStore, state: RepoState, login: string): string {
  const lower = login.toLowerCase();
  if (state.repo.owner.toLowerCase() === lower) return 'OWNER';
  if (state.repo.collaborators.some((c) => c.toLowerCase() === lower)) {
    return store.findUser(state.repo.owner)?.type === 'Organization' ? 'MEMBER' : 'COLLABORATOR';
  }
  return state.pullAuthors().has(lower) ? 'CONTRIBUTOR' : 'NONE';
}

export function minimalReactions(r: SimReactions): Record<string, number> {
  const total = r['+1'] + r['-1'] + r.laugh + r.confused + r.heart + r.hooray + r.rocket + r.eyes;
  return {
    total_count: total,
    '+1': r['+1'],
    '-1': r['-1'],
    laugh: r.laugh,
    confused: r.confused,
    heart: r.heart,
    hooray: r.hooray,
    rocket: r.rocket,
    eyes: r.eyes,
  };
}

export function issueHtmlUrl(state: RepoState, issue: SimIssue): string {
  return `${WEB_BASE}/${state.fullName}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
}

export function commentHtmlUrl(state: RepoState, comment: SimComment): string {
  const kind = state.items.get(comment.issue_number)?.pull ? 'pull' : 'issues';
  return `${WEB_BASE}/${state.fullName}/${kind}/${comment.issue_number}#issuecomment-${comment.id}`;
}

/** Sets `key` only when the value is not Go's zero value (`omitempty`). */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return;
  if (Array.isArray(value) && value.length === 0) return;
  target[key] = value;
}

/** `MinimalIssue` as converted from the REST issue (issue_read get), without the enrichment. */
export function restMinimalIssue(
  store: SimStore,
  state: RepoState,
  issue: SimIssue,
  text: SimText,
): Record<string, unknown> {
  const m: Record<string, unknown> = { number: issue.number, title: text.title(issue.title) };
  put(m, 'body', text.body(issue.body));
  m['state'] = issue.state;
  put(m, 'state_reason', issue.state_reason);
  put(m, 'draft', issue.pull?.draft ?? false);
  put(m, 'locked', issue.locked);
  m['html_url'] = issueHtmlUrl(state, issue);
  m['user'] = minimalUser(userOf(store, issue.user));
  put(m, 'author_association', authorAssociation(store, state, issue.user));
  put(m, 'labels', issue.labels);
  m['assignees'] = [...issue.assignees];
  put(m, 'milestone', state.milestones.find((ms) => ms.number === issue.milestone)?.title);
  put(m, 'comments', issue.comments);
  m['reactions'] = minimalReactions(issue.reactions);
  m['created_at'] = issue.created_at;
  m['updated_at'] = issue.updated_at;
  put(m, 'closed_at', issue.closed_at);
  put(m, 'closed_by', issue.state === 'closed' ? issue.closed_by : null);
  return m;
}

/** `MinimalIssue` as converted from the list_issues GraphQL fragment. */
export function listMinimalIssue(issue: SimIssue, text: SimText): Record<string, unknown> {
  const m: Record<string, unknown> = { number: issue.number, title: text.title(issue.title) };
  put(m, 'body', text.body(issue.body));
  m['state'] = issue.state === 'open' ? 'OPEN' : 'CLOSED';
  m['user'] = { login: issue.user };
  put(m, 'labels', issue.labels);
  m['assignees'] = [...issue.assignees];
  put(m, 'comments', issue.comments);
  m['created_at'] = issue.created_at;
  m['updated_at'] = issue.updated_at;
  return m;
}

export function minimalComment(
  store: SimStore,
  state: RepoState,
  comment: SimComment,
  text: SimText,
): Record<string, unknown> {
  const m: Record<string, unknown> = { id: comment.id };
  put(m, 'body', text.body(comment.body));
  m['html_url'] = commentHtmlUrl(state, comment);
  m['user'] = minimalUser(userOf(store, comment.user));
  put(m, 'author_association', authorAssociation(store, state, comment.user));
  m['reactions'] = minimalReactions(comment.reactions);
  m['created_at'] = comment.created_at;
  m['updated_at'] = comment.updated_at;
  return m;
}
