/**
 * The subset of GitHub's issue-search syntax the simulator understands: `repo:`, `user:`/`org:`, `is:` and
 * `state:` (issue/pr/open/closed), `reason:`, `updated:`/`created:`/`closed:` dates and ranges, `label:`,
 * `milestone:`, `no:milestone`; other words match the title or body.
 */
import type { SimIssue } from '../../store/types.js';
import { parseIsoTimestamp } from '../timestamps.js';

type DateField = 'updated_at' | 'created_at' | 'closed_at';

interface DateRange {
  field: DateField;
  min: number;
  max: number;
}

export interface IssueQuery {
  repos: string[];
  owners: string[];
  kind?: 'issue' | 'pr';
  state?: 'open' | 'closed';
  reason?: string;
  ranges: DateRange[];
  labels: string[];
  milestone?: string | null;
  terms: string[];
  /** A qualifier value that cannot match (an unreadable date). */
  never: boolean;
}

const TOKEN = /(\S+?:"[^"]*"|"[^"]*"|\S+)/g;
const DAY_MS = 86_400_000;
const DATE_FIELDS: Record<string, DateField> = {
  updated: 'updated_at',
  created: 'created_at',
  closed: 'closed_at',
};

/** A date is the whole day; a timestamp is that instant. */
function bound(text: string): { start: number; end: number } | undefined {
  const ms = parseIsoTimestamp(text);
  if (ms === undefined) return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { start: ms, end: ms + DAY_MS - 1 } : { start: ms, end: ms };
}

export function parseDateRange(field: DateField, value: string): DateRange | undefined {
  const range: DateRange = { field, min: -Infinity, max: Infinity };
  const op = /^(>=|<=|>|<)(.*)$/.exec(value);
  if (op) {
    const b = bound(op[2] ?? '');
    if (!b) return undefined;
    if (op[1] === '>=') range.min = b.start;
    else if (op[1] === '>') range.min = b.end + 1;
    else if (op[1] === '<=') range.max = b.end;
    else range.max = b.start - 1;
    return range;
  }
  if (value.includes('..')) {
    const [from = '', to = ''] = value.split('..');
    const a = from === '*' ? { start: -Infinity, end: -Infinity } : bound(from);
    const b = to === '*' ? { start: Infinity, end: Infinity } : bound(to);
    if (!a || !b) return undefined;
    return { field, min: a.start, max: b.end };
  }
  const b = bound(value);
  return b ? { field, min: b.start, max: b.end } : undefined;
}

export function parseIssueQuery(query: string): IssueQuery {
  const q: IssueQuery = { repos: [], owners: [], ranges: [], labels: [], terms: [], never: false };
  for (const raw of query.match(TOKEN) ?? []) {
    const colon = raw.indexOf(':');
    const key = colon > 0 ? raw.slice(0, colon).toLowerCase() : '';
    const value = colon > 0 ? raw.slice(colon + 1).replace(/^"|"$/g, '') : '';
    const lower = value.toLowerCase();
    if (key === 'repo') q.repos.push(lower);
    else if (key === 'user' || key === 'org' || key === 'owner') q.owners.push(lower);
    else if ((key === 'is' || key === 'type') && (lower === 'issue' || lower === 'pr')) q.kind = lower;
    else if ((key === 'is' || key === 'state') && (lower === 'open' || lower === 'closed')) q.state = lower;
    else if (key === 'reason') q.reason = lower.replace(/[- ]/g, '_');
    else if (key in DATE_FIELDS) {
      const range = parseDateRange(DATE_FIELDS[key] as DateField, value);
      if (range) q.ranges.push(range);
      else q.never = true;
    } else if (key === 'label') q.labels.push(lower);
    else if (key === 'milestone') q.milestone = lower;
    else if (key === 'no' && lower === 'milestone') q.milestone = null;
    else if (colon > 0 && /^[a-z_-]+$/.test(key)) continue;
    else q.terms.push(raw.replace(/^"|"$/g, '').toLowerCase());
  }
  return q;
}

export function matchesIssueQuery(issue: SimIssue, q: IssueQuery, milestoneTitle: string | null): boolean {
  if (q.never) return false;
  if (q.kind === 'issue' && issue.pull !== null) return false;
  if (q.kind === 'pr' && issue.pull === null) return false;
  if (q.state && issue.state !== q.state) return false;
  if (q.reason && issue.state_reason !== q.reason) return false;
  for (const range of q.ranges) {
    const value = issue[range.field];
    if (value === null) return false;
    const ms = Date.parse(value);
    if (ms < range.min || ms > range.max) return false;
  }
  const labels = issue.labels.map((l) => l.toLowerCase());
  if (!q.labels.every((l) => labels.includes(l))) return false;
  if (q.milestone === null && milestoneTitle !== null) return false;
  if (q.milestone !== undefined && q.milestone !== null && milestoneTitle?.toLowerCase() !== q.milestone)
    return false;
  const text = `${issue.title}\n${issue.body}`.toLowerCase();
  return q.terms.every((term) => text.includes(term));
}
