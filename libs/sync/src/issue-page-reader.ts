import type { GitHubCommentRecord, GitHubIssueRecord, IssueLink } from '#libs/db';
import {
  type GitHubMcpClient,
  type ListIssuesItem,
  type ListIssuesResult,
  McpNotFoundError,
} from '#libs/github-mcp';
import type { ClosedIssueFeed, SearchedClose } from './close-details/closed-issue-feed.js';
import { mapLimit } from './concurrency.js';
import { type RepoRef, toCommentRecord, toIssueRecord } from './mapping/issue-mapper.js';
import { type GitHubStateReason, reasonFromLocalState, type StateMapping } from '#libs/issues';

export type IssueReader = Pick<
  GitHubMcpClient,
  'listIssues' | 'getIssue' | 'listAllIssueComments' | 'searchIssues'
>;

export interface PageRequest {
  repo: RepoRef;
  perPage: number;
  after: string | null;
  since: Date | null;
}

export interface ReadPage {
  list: ListIssuesResult;
  records: GitHubIssueRecord[];
  /** Issues that vanished between the list call and the detail calls (deleted or transferred). */
  failed: number[];
  calls: number;
  /** issue_read get calls for close reasons the search could not give. */
  closeReads: number;
}

interface CloseDetails {
  stateReason: GitHubStateReason;
  closedAt: Date | null;
  /** undefined: not known from this read (open issues: list_issues has no milestone). */
  milestone?: string | null | undefined;
  calls: number;
}

/**
 * Reads one page of a repository from GitHub: `list_issues` (oldest update first, so issues that
 * change during a pass come around again later), then, only where something moved, the comments
 * and the close reason that the list output lacks.
 */
export class IssuePageReader {
  constructor(
    private readonly client: IssueReader,
    private readonly options: {
      includeComments: boolean;
      concurrency: number;
      mapping: StateMapping;
      /** Close reasons and milestones from search_issues (none: issue_read for every changed closed issue). */
      feed?: ClosedIssueFeed | undefined;
      /** A search answer counts only for issues updated at least this long before it was asked. */
      searchLagMs: number;
    },
  ) {}

  list(request: PageRequest): Promise<ListIssuesResult> {
    return this.client.listIssues({
      owner: request.repo.owner,
      repo: request.repo.name,
      perPage: request.perPage,
      orderBy: 'UPDATED_AT',
      direction: 'ASC',
      ...(request.after ? { after: request.after } : {}),
      ...(request.since ? { since: request.since } : {}),
    });
  }

  async details(
    repo: RepoRef,
    list: ListIssuesResult,
    links: ReadonlyMap<number, IssueLink>,
  ): Promise<ReadPage> {
    let calls = 1;
    let closeReads = 0;
    const failed: number[] = [];
    const closedUpdates = list.issues
      .filter((i) => i.state === 'CLOSED')
      .map((i) => Date.parse(i.updated_at));
    // Pages come oldest update first, one after the other: answers older than this page are of no use.
    if (this.options.feed && list.issues.length > 0)
      this.options.feed.passed(Math.min(...list.issues.map((i) => Date.parse(i.updated_at))));
    if (this.options.feed && closedUpdates.length > 0)
      await this.options.feed.ready(Math.max(...closedUpdates));
    const records = await mapLimit(list.issues, this.options.concurrency, async (item) => {
      const link = links.get(item.number);
      try {
        const closed = await this.closeDetails(repo, item, link);
        calls += closed.calls;
        closeReads += closed.calls;
        const commentsReadAt = new Date();
        const comments = this.needsComments(item, link) ? await this.comments(repo, item.number) : undefined;
        if (comments) calls += comments.calls;
        const record = toIssueRecord(
          repo,
          item,
          { ...closed, comments: comments?.records },
          this.options.mapping,
        );
        return comments ? { ...record, commentsReadAt } : record;
      } catch (error) {
        if (!(error instanceof McpNotFoundError)) throw error;
        failed.push(item.number);
        return undefined;
      }
    });
    return { list, records: records.filter((r) => r !== undefined), failed, calls, closeReads };
  }

  /** Comments are fetched only for new issues, or when the comment count or update time moved. */
  private needsComments(item: ListIssuesItem, link: IssueLink | undefined): boolean {
    if (!this.options.includeComments || (item.comments ?? 0) === 0) {
      return Boolean(link && link.commentCount > 0 && this.options.includeComments);
    }
    return (
      !link ||
      link.commentCount !== item.comments ||
      link.githubUpdatedAt.toISOString() !== iso(item.updated_at)
    );
  }

  /**
   * list_issues has no state_reason or milestone. For a closed issue they come from the search answer when
   * it shows this very version (same updated_at) and that version is older than the allowed index lag;
   * an issue unchanged since it was stored keeps what it has; anything else is read with issue_read get.
   */
  private async closeDetails(
    repo: RepoRef,
    item: ListIssuesItem,
    link: IssueLink | undefined,
  ): Promise<CloseDetails> {
    if (item.state === 'OPEN') return { stateReason: null, closedAt: null, calls: 0 };
    const updatedAt = Date.parse(item.updated_at);
    const searched = this.options.feed?.take(item.number);
    if (searched && this.trusted(searched, updatedAt)) {
      return {
        stateReason: searched.stateReason,
        closedAt: searched.closedAt,
        milestone: searched.milestone,
        calls: 0,
      };
    }
    if (link && unchangedClosed(item, link)) {
      return { stateReason: reasonFromLocalState(link.state), closedAt: null, calls: 0 };
    }
    const issue = await this.client.getIssue(repo.owner, repo.name, item.number);
    return {
      stateReason: issue.state_reason as GitHubStateReason,
      closedAt: issue.closed_at ? new Date(issue.closed_at) : null,
      milestone: issue.milestone ?? null,
      calls: 1,
    };
  }

  private trusted(searched: SearchedClose, updatedAt: number): boolean {
    return searched.updatedAt === updatedAt && updatedAt <= searched.searchedAt - this.options.searchLagMs;
  }

  private async comments(
    repo: RepoRef,
    number: number,
  ): Promise<{ records: GitHubCommentRecord[]; calls: number }> {
    const perPage = 100;
    const comments = await this.client.listAllIssueComments(repo.owner, repo.name, number, perPage);
    return { records: comments.map(toCommentRecord), calls: Math.floor(comments.length / perPage) + 1 };
  }
}

/** A closed issue stored from this very GitHub version: what it has is still right. */
function unchangedClosed(item: ListIssuesItem, link: IssueLink | undefined): boolean {
  return Boolean(
    link &&
    !link.deleted &&
    reasonFromLocalState(link.state) !== null &&
    link.githubUpdatedAt.getTime() === Date.parse(item.updated_at),
  );
}

function iso(value: string): string {
  return new Date(value).toISOString();
}
