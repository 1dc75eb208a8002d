/** One repository's records plus the indexes the tools need to answer without full scans. */
import type { RepoData, SimComment, SimIssue, SimLabel, SimMilestone, SimRepo } from './types.js';

export type IssueOrderField = 'CREATED_AT' | 'UPDATED_AT' | 'COMMENTS';

/** Closing keywords GitHub recognises in pull request bodies, e.g. `Fixes #12`, `closes: #7`. */
const CLOSING_REF = /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)\b:?\s+#(\d+)\b/gi;

export function sortKey(issue: SimIssue, field: IssueOrderField): string | number {
  if (field === 'COMMENTS') return issue.comments;
  return field === 'UPDATED_AT' ? issue.updated_at : issue.created_at;
}

export function compareKeys(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class RepoState {
  readonly repo: SimRepo;
  readonly labels: SimLabel[];
  readonly milestones: SimMilestone[];
  /** Issues and pull requests by number. */
  readonly items = new Map<number, SimIssue>();
  /** Numbers of deleted issues (GitHub answers 410 Gone for them). */
  readonly deleted = new Set<number>();
  readonly comments = new Map<number, SimComment>();
  private readonly commentsByIssue = new Map<number, SimComment[]>();
  /** Bumped on every change; invalidates the cached orderings and closing references. */
  version = 0;
  private sorted = new Map<IssueOrderField, { version: number; list: SimIssue[] }>();
  private closing: { version: number; byIssue: Map<number, SimIssue[]> } | undefined;
  private pullList: { version: number; list: SimIssue[] } | undefined;
  private maxNumber = 0;
  private authors: { version: number; logins: Set<string> } | undefined;

  constructor(data: RepoData) {
    this.repo = data.repo;
    this.labels = data.labels;
    this.milestones = data.milestones;
    for (const issue of data.issues) {
      this.items.set(issue.number, issue);
      this.maxNumber = Math.max(this.maxNumber, issue.number);
    }
    for (const comment of data.comments) this.addComment(comment);
  }

  get fullName(): string {
    return this.repo.full_name;
  }

  /** Reserves the next issue/pull request number (numbers of deleted issues are never reused). */
  allocateNumber(): number {
    this.maxNumber += 1;
    return this.maxNumber;
  }

  touch(): void {
    this.version++;
  }

  findLabel(name: string): SimLabel | undefined {
    const lower = name.toLowerCase();
    return this.labels.find((l) => l.name.toLowerCase() === lower);
  }

  /** Issues only (no pull requests), ascending by the order field, ties by number. */
  sortedIssues(field: IssueOrderField): SimIssue[] {
    const cached = this.sorted.get(field);
    if (cached && cached.version === this.version) return cached.list;
    const list = [...this.items.values()].filter((i) => i.pull === null);
    list.sort((a, b) => compareKeys(sortKey(a, field), sortKey(b, field)) || a.number - b.number);
    this.sorted.set(field, { version: this.version, list });
    return list;
  }

  pulls(): SimIssue[] {
    if (this.pullList && this.pullList.version === this.version) return this.pullList.list;
    const list = [...this.items.values()].filter((i) => i.pull !== null).sort((a, b) => a.number - b.number);
    this.pullList = { version: this.version, list };
    return list;
  }

  /** Lower-cased logins of pull request authors (they count as CONTRIBUTOR). */
  pullAuthors(): Set<string> {
    if (!this.authors || this.authors.version !== this.version) {
      this.authors = {
        version: this.version,
        logins: new Set(this.pulls().map((p) => p.user.toLowerCase())),
      };
    }
    return this.authors.logins;
  }

  /** Issues (not pull requests) the body of `pr` closes with a closing keyword. */
  issuesClosedBy(pr: SimIssue): SimIssue[] {
    const numbers = new Set([...pr.body.matchAll(CLOSING_REF)].map((m) => Number(m[1])));
    return [...numbers]
      .map((n) => this.items.get(n))
      .filter((i): i is SimIssue => i !== undefined && i.pull === null);
  }

  /** Pull requests of this repository whose body says they close `issueNumber`. */
  closingPullRequests(issueNumber: number): SimIssue[] {
    if (!this.closing || this.closing.version !== this.version) {
      const byIssue = new Map<number, SimIssue[]>();
      for (const pr of this.pulls()) {
        const seen = new Set<number>();
        for (const match of pr.body.matchAll(CLOSING_REF)) {
          const n = Number(match[1]);
          if (seen.has(n)) continue;
          seen.add(n);
          const list = byIssue.get(n) ?? [];
          list.push(pr);
          byIssue.set(n, list);
        }
      }
      this.closing = { version: this.version, byIssue };
    }
    return this.closing.byIssue.get(issueNumber) ?? [];
  }

  commentsOf(issueNumber: number): SimComment[] {
    return this.commentsByIssue.get(issueNumber) ?? [];
  }

  addComment(comment: SimComment): void {
    this.comments.set(comment.id, comment);
    const list = this.commentsByIssue.get(comment.issue_number);
    if (list) list.push(comment);
    else this.commentsByIssue.set(comment.issue_number, [comment]);
  }

  removeComment(comment: SimComment): void {
    this.comments.delete(comment.id);
    const list = this.commentsByIssue.get(comment.issue_number);
    if (!list) return;
    const index = list.indexOf(comment);
    if (index >= 0) list.splice(index, 1);
  }

  removeIssue(issueNumber: number): void {
    this.items.delete(issueNumber);
    this.deleted.add(issueNumber);
    for (const comment of this.commentsOf(issueNumber)) this.comments.delete(comment.id);
    this.commentsByIssue.delete(issueNumber);
    this.touch();
  }

  /** Snapshot of everything, in the generator's shape. */
  toData(): RepoData {
    const issues = [...this.items.values()].sort((a, b) => a.number - b.number);
    const comments = [...this.comments.values()].sort((a, b) => a.id - b.id);
    return { repo: this.repo, labels: this.labels, milestones: this.milestones, issues, comments };
  }
}
