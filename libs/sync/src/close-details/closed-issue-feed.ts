import { type GitHubMcpClient, McpRateLimitError, type SearchIssueItem } from '#libs/github-mcp';
import type { GitHubStateReason } from '#libs/issues';

/** What the search index said about one closed issue, and when it was asked. */
export interface SearchedClose {
  stateReason: GitHubStateReason;
  milestone: string | null;
  closedAt: Date | null;
  updatedAt: number;
  searchedAt: number;
}

export interface FeedOptions {
  owner: string;
  repo: string;
  /** Only issues updated at or after this (incremental passes, resumed passes). */
  since: Date | null;
  /** Longest wait for the search bucket; beyond it the feed stops and callers fall back. */
  maxWaitMs: number;
  /** Wait when a rate-limit answer gives no reset time. */
  rateLimitWaitMs: number;
  /** Answers read ahead of the list pass before the feed pauses (default `MAX_AHEAD`). */
  maxAhead?: number;
  sleep?: (ms: number) => Promise<void>;
}

export type SearchClient = Pick<GitHubMcpClient, 'searchIssues'>;

const PER_PAGE = 100;
/** The feed pauses with this many answers not yet taken, unless the list pass waits for more. */
export const MAX_AHEAD = 1_000;
/** GitHub serves the first 1,000 results of a query: 10 pages of 100. */
const PAGES_PER_QUERY = 10;
const FIELDS: ('number' | 'state_reason' | 'milestone' | 'updated_at' | 'closed_at')[] = [
  'number',
  'state_reason',
  'milestone',
  'updated_at',
  'closed_at',
];

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Close reasons and milestones of a repository's closed issues from `search_issues`, read in the background
 * oldest update first — the order of the list pass — in `updated:>=` slices so no query passes the first
 * 1,000 results. The list pass waits (`ready`) until the feed has passed a page's update times. On a bucket
 * wait longer than `maxWaitMs`, or any search failure, the feed stops: its callers read with issue_read.
 * Memory stays bounded whatever the repository size: the feed reads ahead by at most `maxAhead` answers
 * (a pause costs no search: the bucket refills meanwhile), and answers the list pass has gone past are
 * dropped (`passed`).
 */
export class ClosedIssueFeed {
  private readonly entries = new Map<number, SearchedClose>();
  /** Every indexed closed issue updated before this (ms) has arrived. */
  private covered = -Infinity;
  private waiters: { until: number; resolve: () => void }[] = [];
  /** Resumes a feed paused for having read `maxAhead` answers ahead. */
  private wake: (() => void) | undefined;
  private stopped = false;
  /** search_issues calls made (rate-limited answers included). */
  calls = 0;
  /** Why the feed stopped early, if it did. */
  gaveUp: string | null = null;

  private started = false;

  constructor(
    private readonly client: SearchClient,
    private readonly options: FeedOptions,
  ) {}

  /** Starts reading (once); a pass whose closed issues are all unchanged never searches. */
  start(): this {
    if (this.started) return this;
    this.started = true;
    this.run().then(
      () => this.finish(null),
      (error: unknown) => this.finish(error instanceof Error ? error.message : String(error)),
    );
    return this;
  }

  stop(): void {
    this.stopped = true;
    this.finish(this.gaveUp);
    this.resume();
  }

  /** Resolves once every closed issue updated up to `updatedAt` has arrived, or the feed ended. */
  ready(updatedAt: number): Promise<void> {
    this.start();
    if (updatedAt < this.covered) return Promise.resolve();
    const waiting = new Promise<void>((resolve) => this.waiters.push({ until: updatedAt, resolve }));
    this.resume();
    return waiting;
  }

  /** The search answer for an issue (taken: each is used once). */
  take(number: number): SearchedClose | undefined {
    const entry = this.entries.get(number);
    this.entries.delete(number);
    if (entry) this.resume();
    return entry;
  }

  /**
   * The list pass has reached issues updated at `updatedAt` (oldest update first): an answer about an older
   * version can no longer match a listed issue (an issue changed since comes again with its new update
   * time), so it is dropped.
   */
  passed(updatedAt: number): void {
    for (const [number, entry] of this.entries) {
      if (entry.updatedAt < updatedAt) this.entries.delete(number);
    }
    this.resume();
  }

  /** Answers held, not yet taken or dropped. */
  get held(): number {
    return this.entries.size;
  }

  private async run(): Promise<void> {
    let lower = this.options.since?.getTime() ?? null;
    for (;;) {
      const query = `repo:${this.options.owner}/${this.options.repo} is:issue is:closed${lower === null ? '' : ` updated:>=${iso(lower)}`}`;
      let last: number | null = null;
      let received = 0;
      let capped = false;
      for (let page = 1; page <= PAGES_PER_QUERY; page += 1) {
        const answer = await this.page(query, page);
        if (answer === undefined) return;
        for (const item of answer.items) last = this.add(item, answer.searchedAt) ?? last;
        if (last !== null) this.advance(last);
        received += answer.items.length;
        if (received >= answer.total) return;
        // A short page before the total: the query's result cap; the next slice goes on from there.
        capped = answer.items.length < PER_PAGE || page === PAGES_PER_QUERY;
        if (capped) break;
      }
      // The cap reached: the next slice starts at the last update time (its issues come again).
      if (!capped || last === null) return;
      lower = last === lower ? last + 1000 : last;
    }
  }

  private async page(query: string, page: number) {
    await this.roomAhead();
    for (;;) {
      if (this.stopped) return undefined;
      const searchedAt = Date.now();
      this.calls += 1;
      try {
        const answer = await this.client.searchIssues({
          query,
          sort: 'updated',
          order: 'asc',
          perPage: PER_PAGE,
          page,
          fields: FIELDS,
        });
        return { items: answer.items, total: answer.total_count, searchedAt };
      } catch (error) {
        if (!(error instanceof McpRateLimitError)) throw error;
        const now = Date.now();
        const wait = Math.max(0, error.retryAt(now, this.options.rateLimitWaitMs).getTime() - now);
        if (wait > this.options.maxWaitMs)
          throw new Error(`search bucket empty for ${wait} ms`, { cause: error });
        await (this.options.sleep ?? defaultSleep)(wait + 250);
      }
    }
  }

  private add(item: SearchIssueItem, searchedAt: number): number | null {
    if (!item.updated_at) return null;
    const updatedAt = Date.parse(item.updated_at);
    this.entries.set(item.number, {
      stateReason: item.state_reason,
      milestone: item.milestone,
      closedAt: item.closed_at ? new Date(item.closed_at) : null,
      updatedAt,
      searchedAt,
    });
    return updatedAt;
  }

  /** Waits while `maxAhead` answers are held and nobody waits for more. */
  private async roomAhead(): Promise<void> {
    const limit = this.options.maxAhead ?? MAX_AHEAD;
    while (!this.stopped && this.entries.size >= limit && this.waiters.length === 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private resume(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private advance(covered: number): void {
    this.covered = Math.max(this.covered, covered);
    this.waiters = this.waiters.filter((w) => {
      if (w.until >= this.covered) return true;
      w.resolve();
      return false;
    });
  }

  private finish(reason: string | null): void {
    if (reason !== null && this.gaveUp === null) this.gaveUp = reason;
    this.covered = Infinity;
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
