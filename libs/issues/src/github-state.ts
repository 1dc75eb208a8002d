import { type IssueState, type OpenIssueState, isOpenState } from './states.js';

/** How GitHub tells an issue's state: open or closed, and why it was closed. */
export type GitHubState = 'open' | 'closed';
export type GitHubStateReason = 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;

/** `open`, `closed:completed` or `closed:not_planned`: the local states GitHub can tell apart. */
export type GitHubSideState = 'open' | 'closed:completed' | 'closed:not_planned';

/** Per-repository choice for open issues (github_repository_syncs.state_mapping). */
export interface StateMapping {
  open: OpenIssueState;
}

export const DEFAULT_STATE_MAPPING: StateMapping = { open: 'unstarted' };

export function parseStateMapping(value: unknown): StateMapping {
  const open = (value as { open?: unknown } | null)?.open;
  return typeof open === 'string' && isOpenState(open) ? { open } : DEFAULT_STATE_MAPPING;
}

/** open → the configured open state; closed/not_planned and duplicates → cancelled; other closed → done. */
export function mapGitHubState(
  state: GitHubState,
  reason: GitHubStateReason,
  mapping: StateMapping,
): IssueState {
  if (state === 'open') return mapping.open;
  return reason === 'not_planned' || reason === 'duplicate' ? 'cancelled' : 'done';
}

/** The GitHub close reason implied by a local state (used when GitHub's list output omits it). */
export function reasonFromLocalState(state: IssueState): GitHubStateReason {
  if (state === 'cancelled') return 'not_planned';
  if (state === 'done') return 'completed';
  return null;
}

/** The state GitHub shows for a local state. */
export function githubSideState(state: IssueState): GitHubSideState {
  if (state === 'done') return 'closed:completed';
  if (state === 'cancelled') return 'closed:not_planned';
  return 'open';
}
