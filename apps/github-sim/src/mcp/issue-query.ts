/**
 * The list_issues GraphQL connection: filtering (states, labels any-of, since on updated_at),
 * ordering, and keyset cursors. A cursor encodes the sort key and number of an item, so pages
 * stay consistent when issues change between requests: nothing is skipped, and an issue that
 * moves past the cursor (e.g. edited under UPDATED_AT ASC) is returned again later.
 */
import type { IssueOrderField, RepoState } from '../store/repo-state.js';
import { compareKeys, sortKey } from '../store/repo-state.js';
import type { SimIssue } from '../store/types.js';

export interface CursorPosition {
  field: IssueOrderField;
  key: string | number;
  number: number;
}

export interface IssueQuery {
  states: ReadonlySet<string>;
  labels: string[];
  /** RFC 3339 second-precision lower bound for updated_at (inclusive). */
  since?: string;
  field: IssueOrderField;
  direction: 'ASC' | 'DESC';
  first: number;
  after?: CursorPosition;
}

export interface IssuePage {
  nodes: SimIssue[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

const PREFIX = 'cursor:v2:';

export function encodeCursor(field: IssueOrderField, issue: SimIssue): string {
  return Buffer.from(PREFIX + JSON.stringify([field, sortKey(issue, field), issue.number])).toString(
    'base64',
  );
}

export function decodeCursor(cursor: string): CursorPosition | undefined {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith(PREFIX)) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.slice(PREFIX.length));
    if (!Array.isArray(parsed) || parsed.length !== 3) return undefined;
    const [field, key, number] = parsed as unknown[];
    if (field !== 'CREATED_AT' && field !== 'UPDATED_AT' && field !== 'COMMENTS') return undefined;
    if ((typeof key !== 'string' && typeof key !== 'number') || typeof number !== 'number') return undefined;
    return { field, key, number };
  } catch {
    return undefined;
  }
}

function compareToCursor(issue: SimIssue, field: IssueOrderField, c: CursorPosition): number {
  return compareKeys(sortKey(issue, field), c.key) || issue.number - c.number;
}

/** First index whose item sorts after (or, with `inclusive`, at or after) the cursor. */
function bound(list: SimIssue[], field: IssueOrderField, c: CursorPosition, inclusive: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const cmp = compareToCursor(list[mid] as SimIssue, field, c);
    if (cmp > 0 || (inclusive && cmp === 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function queryIssues(state: RepoState, q: IssueQuery): IssuePage {
  const list = state.sortedIssues(q.field);
  const labels = new Set(q.labels.map((l) => l.toLowerCase()));
  const matches = (issue: SimIssue): boolean =>
    q.states.has(issue.state) &&
    (q.since === undefined || issue.updated_at >= q.since) &&
    (labels.size === 0 || issue.labels.some((l) => labels.has(l.toLowerCase())));
  const unfiltered = q.states.size === 2 && q.since === undefined && labels.size === 0;
  let totalCount = list.length;
  if (!unfiltered) {
    totalCount = 0;
    for (const issue of list) if (matches(issue)) totalCount++;
  }

  const asc = q.direction === 'ASC';
  const step = asc ? 1 : -1;
  let start = asc ? 0 : list.length - 1;
  if (q.after) start = asc ? bound(list, q.field, q.after, false) : bound(list, q.field, q.after, true) - 1;

  const nodes: SimIssue[] = [];
  let i = start;
  for (; i >= 0 && i < list.length && nodes.length < q.first; i += step) {
    const issue = list[i] as SimIssue;
    if (matches(issue)) nodes.push(issue);
  }
  let hasNextPage = false;
  for (; i >= 0 && i < list.length; i += step) {
    if (matches(list[i] as SimIssue)) {
      hasNextPage = true;
      break;
    }
  }
  let hasPreviousPage = false;
  if (q.after) {
    for (let j = start - step; j >= 0 && j < list.length; j -= step) {
      if (matches(list[j] as SimIssue)) {
        hasPreviousPage = true;
        break;
      }
    }
  }
  return { nodes, totalCount, hasNextPage, hasPreviousPage };
}
