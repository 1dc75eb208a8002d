/**
 * The search index of one simulator: it answers from the truth when the lag is 0, otherwise from a copy
 * that takes each change `lagMs` after it happened (a deletion too), as GitHub's index trails its API.
 */
import type { SimEvent } from '../store/events.js';
import type { RepoState } from '../store/repo-state.js';
import type { SimIssue } from '../store/types.js';
import { SearchBucket } from './search-bucket.js';
import { DEFAULT_SEARCH_SETTINGS, type SearchSettings } from './search-settings.js';

interface PendingChange {
  visibleAt: number;
  number: number;
  /** The issue as of the change; null for a deletion. */
  issue: SimIssue | null;
}

class RepoIndex {
  readonly indexed = new Map<number, SimIssue>();
  readonly pending: PendingChange[] = [];

  constructor(state: RepoState) {
    for (const issue of state.items.values()) this.indexed.set(issue.number, structuredClone(issue));
  }

  catchUp(now: number): void {
    let taken = 0;
    for (const change of this.pending) {
      if (change.visibleAt > now) break;
      if (change.issue) this.indexed.set(change.number, change.issue);
      else this.indexed.delete(change.number);
      taken += 1;
    }
    this.pending.splice(0, taken);
  }
}

export class SearchIndex {
  private settings: SearchSettings = { ...DEFAULT_SEARCH_SETTINGS };
  private indexes = new WeakMap<RepoState, RepoIndex>();
  readonly bucket: SearchBucket;

  /**
   * `repos` lists the current repositories (to copy them when a lag starts); `now` is the wall clock the
   * lag and the rate window run on.
   */
  constructor(
    private readonly repos: () => RepoState[],
    private readonly repoOf: (event: SimEvent) => RepoState | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = new SearchBucket(now);
  }

  get current(): SearchSettings {
    return { ...this.settings };
  }

  /** Changes the settings; starting a lag copies every repository as it is now. */
  configure(patch: Partial<SearchSettings>): SearchSettings {
    const before = this.settings.lagMs;
    this.settings = { ...this.settings, ...patch };
    if (this.settings.lagMs === 0) this.indexes = new WeakMap();
    else if (before === 0) for (const state of this.repos()) this.indexes.set(state, new RepoIndex(state));
    return this.current;
  }

  /** Every change of an issue reaches the index `lagMs` later. */
  record(event: SimEvent): void {
    if (this.settings.lagMs === 0 || !event.issue) return;
    const state = this.repoOf(event);
    if (!state) return;
    const index = this.indexOf(state);
    index.pending.push({
      visibleAt: this.now() + this.settings.lagMs,
      number: event.issue.number,
      issue: event.type === 'issue.deleted' ? null : event.issue,
    });
  }

  /** The issues and pull requests of `state` as the index holds them now. */
  items(state: RepoState): Iterable<SimIssue> {
    if (this.settings.lagMs === 0) return state.items.values();
    const index = this.indexOf(state);
    index.catchUp(this.now());
    return index.indexed.values();
  }

  /** A repository first seen after the lag started is copied as it is at its first change or search. */
  private indexOf(state: RepoState): RepoIndex {
    let index = this.indexes.get(state);
    if (!index) {
      index = new RepoIndex(state);
      this.indexes.set(state, index);
    }
    return index;
  }
}
