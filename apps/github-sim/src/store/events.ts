/**
 * Typed domain events, emitted from one place (`SimStore.emit`) on every data change, so that
 * webhook delivery can subscribe without touching the mutation code. Payload objects are
 * snapshots taken at emission time.
 */
import type { SimComment, SimIssue, SimLabel, SimReaction, SimRepo, SimUser } from './types.js';

export type SimEventType =
  | 'issue.opened'
  | 'issue.edited'
  | 'issue.closed'
  | 'issue.reopened'
  | 'issue.deleted'
  | 'issue.labeled'
  | 'issue.unlabeled'
  | 'issue.assigned'
  | 'issue.unassigned'
  | 'comment.created'
  | 'comment.edited'
  | 'comment.deleted'
  | 'reaction.created';

export interface SimEventChanges {
  title?: { from: string };
  body?: { from: string };
}

export interface SimEvent {
  /** Increasing sequence number, unique per store. */
  seq: number;
  type: SimEventType;
  /** Simulated time of the change. */
  at: string;
  repo: SimRepo;
  sender: SimUser;
  issue?: SimIssue;
  comment?: SimComment;
  label?: SimLabel;
  assignee?: SimUser;
  reaction?: SimReaction;
  changes?: SimEventChanges;
}

export type SimEventInput = Omit<SimEvent, 'seq'>;

export type SimEventListener = (event: SimEvent) => void;
