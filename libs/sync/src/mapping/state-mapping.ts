import type { IssueState } from '#libs/db';

export type GitHubState = 'open' | 'closed';
export type GitHubStateReason = 'completed' | 'not_planned' | 'duplicate' | 'reopened' | null;

/** Per-repository choice for open issues (github_repository_syncs.state_mapping). */
export interface StateMapping {
  open: Extract<IssueState, 'backlog' | 'unstarted' | 'started'>;
}

export const DEFAULT_STATE_MAPPING: StateMapping = { open: 'unstarted' };

const OPEN_STATES = new Set<string>(['backlog', 'unstarted', 'started']);

export function parseStateMapping(value: unknown): StateMapping {
  const open = (value as { open?: unknown } | null)?.open;
  return typeof open === 'string' && OPEN_STATES.has(open)
    ? { open: open as StateMapping['open'] }
    : DEFAULT_STATE_MAPPING;
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
