import type { OutboundField } from './fields.js';
import { completedAtFor, type IssuePriority, type IssueState } from './states.js';

/** The editable fields of a workspace issue as stored (assignees by GitHub login). */
export interface EditableIssue {
  title: string;
  description: string;
  state: IssueState;
  priority: IssuePriority;
  milestone: string | null;
  labels: readonly string[];
  assignees: readonly string[];
  completedAt: Date | null;
}

/** A requested edit: absent fields stay as they are. */
export interface IssueEdit {
  title?: string | undefined;
  description?: string | undefined;
  state?: IssueState | undefined;
  priority?: IssuePriority | undefined;
  milestone?: string | null | undefined;
  labels?: readonly string[] | undefined;
  assignees?: readonly string[] | undefined;
}

/** What an edit changes: the columns to set, and which of the fields written to GitHub changed. */
export interface IssueChanges {
  /** Changed fields that are written to GitHub, in field order. */
  changed: OutboundField[];
  /** Local-only: priority is not a GitHub field. */
  priorityChanged: boolean;
  /** Scalar columns to update (completed_at follows the state). */
  set: Partial<
    Pick<EditableIssue, 'title' | 'description' | 'state' | 'priority' | 'milestone' | 'completedAt'>
  >;
  labelsChanged: boolean;
  assigneesChanged: boolean;
}

/** Set equality (duplicates ignored); GitHub logins compare case-insensitively. */
export function sameSet(a: readonly string[], b: readonly string[], caseInsensitive = false): boolean {
  const fold = (xs: readonly string[]) => new Set(caseInsensitive ? xs.map((x) => x.toLowerCase()) : xs);
  const left = fold(a);
  const right = fold(b);
  return left.size === right.size && [...left].every((v) => right.has(v));
}

/** Which fields an edit really changes (equal values are no change) and the columns it sets. */
export function issueChanges(current: EditableIssue, edit: IssueEdit, now: Date): IssueChanges {
  const changed: OutboundField[] = [];
  const set: IssueChanges['set'] = {};
  if (edit.title !== undefined && edit.title !== current.title) {
    set.title = edit.title;
    changed.push('title');
  }
  if (edit.description !== undefined && edit.description !== current.description) {
    set.description = edit.description;
    changed.push('description');
  }
  if (edit.state !== undefined && edit.state !== current.state) {
    set.state = edit.state;
    set.completedAt = completedAtFor(edit.state, current.completedAt, now);
    changed.push('state');
  }
  if (edit.milestone !== undefined && edit.milestone !== current.milestone) {
    set.milestone = edit.milestone;
    changed.push('milestone');
  }
  const priorityChanged = edit.priority !== undefined && edit.priority !== current.priority;
  if (priorityChanged) set.priority = edit.priority;
  const labelsChanged = edit.labels !== undefined && !sameSet(edit.labels, current.labels);
  const assigneesChanged = edit.assignees !== undefined && !sameSet(edit.assignees, current.assignees, true);
  if (labelsChanged) changed.push('labels');
  if (assigneesChanged) changed.push('assignees');
  return { changed, priorityChanged, set, labelsChanged, assigneesChanged };
}
