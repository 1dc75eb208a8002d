import type { GitHubCommentRecord, GitHubIssueRecord, IssueLink } from '#libs/db';
import {
  type GitHubMcpClient,
  type ListIssuesItem,
  type ListIssuesResult,
  McpNotFoundError,
} from '#libs/github-mcp';
import { mapLimit } from './concurrency.js';
import { type RepoRef, toCommentRecord, toIssueRecord } from './mapping/issue-mapper.js';
import { type GitHubStateReason, type StateMapping, reasonFromLocalState } from './mapping/state-mapping.js';

export type IssueReader = Pick<GitHubMcpClient, 'listIssues' | 'getIssue' | 'listAllIssueComments'>;

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
}

/**
 * Reads one page of a repository from GitHub: `list_issues` (oldest update first, so issues that
 * change during a pass come around again later), then, only where something moved, the comments
 * and the close reason that the list output lacks.
 */
export class IssuePageReader {
  constructor(
    private readonly client: IssueReader,
    private readonly options: { includeComments: boolean; concurrency: number; mapping: StateMapping },
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
    const failed: number[] = [];
    const records = await mapLimit(list.issues, this.options.concurrency, async (item) => {
      const link = links.get(item.number);
      try {
        const closed = await this.closeDetails(repo, item, link);
        calls += closed.calls;
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
    return { list, records: records.filter((r) => r !== undefined), failed, calls };
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

  /** list_issues has no state_reason: ask issue_read only when an issue newly appears closed. */
  private async closeDetails(repo: RepoRef, item: ListIssuesItem, link: IssueLink | undefined) {
    if (item.state === 'OPEN') return { stateReason: null as GitHubStateReason, closedAt: null, calls: 0 };
    const known = link ? reasonFromLocalState(link.state) : null;
    if (known && !link?.deleted) return { stateReason: known, closedAt: null, calls: 0 };
    const issue = await this.client.getIssue(repo.owner, repo.name, item.number);
    return {
      stateReason: issue.state_reason as GitHubStateReason,
      closedAt: issue.closed_at ? new Date(issue.closed_at) : null,
      calls: 1,
    };
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

function iso(value: string): string {
  return new Date(value).toISOString();
}
