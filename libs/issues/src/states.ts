import { IssuePriority, IssueState } from '../../../prisma/generated/client/enums.js';

/*
 * The states and priorities of a workspace issue. Their values are the database enums (prisma/schema.prisma),
 * taken from Prisma's generated enum constants (plain objects, no client); what they mean lives here.
 */
export { IssuePriority, IssueState };

export const ISSUE_STATES = Object.values(IssueState) as [IssueState, ...IssueState[]];
export const ISSUE_PRIORITIES = Object.values(IssuePriority) as [IssuePriority, ...IssuePriority[]];

/** The states of an issue still to be worked on: GitHub shows them as open. */
export const OPEN_ISSUE_STATES = ['backlog', 'unstarted', 'started'] as const satisfies readonly IssueState[];
export type OpenIssueState = (typeof OPEN_ISSUE_STATES)[number];

/** The states of a finished issue: GitHub shows them as closed (done: completed, cancelled: not planned). */
export const CLOSED_ISSUE_STATES = ['done', 'cancelled'] as const satisfies readonly IssueState[];
export type ClosedIssueState = (typeof CLOSED_ISSUE_STATES)[number];

export function isOpenState(state: string): state is OpenIssueState {
  return (OPEN_ISSUE_STATES as readonly string[]).includes(state);
}

export function isClosedState(state: string): state is ClosedIssueState {
  return (CLOSED_ISSUE_STATES as readonly string[]).includes(state);
}

/**
 * `completed_at` of an issue moved to `state`: kept when it was already closed (`previous`), `now` when it
 * closes, null when it is open.
 */
export function completedAtFor(state: IssueState, previous: Date | null, now: Date): Date | null {
  return isClosedState(state) ? (previous ?? now) : null;
}
