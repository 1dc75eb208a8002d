import type { z } from 'zod';
import {
  issueCommentsSchema,
  issueLabelsSchema,
  issueSchema,
  listIssuesResultSchema,
  searchIssuesResultSchema,
} from './schemas/issues.js';
import { pullRequestListSchema, pullRequestSchema } from './schemas/pulls.js';
import { searchRepositoriesSchema } from './schemas/repos.js';
import { meSchema } from './schemas/users.js';
import { issueWriteResultSchema, minimalResponseSchema } from './schemas/writes.js';
import { McpProtocolError } from './errors/errors.js';
import {
  decodeComments,
  decodeIssue,
  decodeListIssues,
  decodePull,
  decodePulls,
} from './text/decode-results.js';
import type { TextDecoder } from './text/decode-results.js';
import type { ToolCaller } from './tool-caller.js';
import type {
  AddIssueCommentArgs,
  AddIssueCommentResult,
  GitHubIssue,
  GitHubIssueComment,
  GitHubIssueLabels,
  GitHubPullRequest,
  GitHubUser,
  IssueWriteArgs,
  IssueWriteResult,
  ListIssuesParams,
  ListIssuesResult,
  ListPullRequestsParams,
  PageParams,
  SearchIssuesParams,
  SearchIssuesResult,
  SearchRepositoriesParams,
  SearchRepositoriesResult,
  UpdateIssueCommentArgs,
} from './types.js';

/** Drops undefined values so optional arguments are not sent at all. */
function defined(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined));
}

/** RFC 3339 without milliseconds; truncating is safe because `since` is inclusive. */
function sinceText(since: string | Date | undefined): string | undefined {
  return since instanceof Date ? since.toISOString().replace(/\.\d{3}Z$/, 'Z') : since;
}

/** Typed access to the GitHub MCP server for one token. Obtain it from `GitHubMcpClientFactory.forToken`. */
export class GitHubMcpClient {
  constructor(private readonly caller: ToolCaller) {}

  getMe(): Promise<GitHubUser> {
    return this.caller.call({ tool: 'get_me', args: {}, schema: meSchema, idempotent: true });
  }

  /** One page of issues (cursor paging: pass `pageInfo.endCursor` as `after`). Pull requests are never included. */
  listIssues(params: ListIssuesParams): Promise<ListIssuesResult> {
    const { since, ...rest } = params;
    return this.caller.call({
      tool: 'list_issues',
      args: defined({ ...rest, since: sinceText(since) }),
      schema: listIssuesResultSchema,
      idempotent: true,
      decode: decodeListIssues,
    });
  }

  getIssue(owner: string, repo: string, issueNumber: number): Promise<GitHubIssue> {
    return this.issueRead('get', owner, repo, issueNumber, issueSchema, {}, decodeIssue);
  }

  /** One page of comments, oldest first. There is no next-page signal: a short page is the last one. */
  getIssueComments(
    owner: string,
    repo: string,
    issueNumber: number,
    page: PageParams,
  ): Promise<GitHubIssueComment[]> {
    return this.issueRead(
      'get_comments',
      owner,
      repo,
      issueNumber,
      issueCommentsSchema,
      { page: page.page, perPage: page.perPage },
      decodeComments,
    );
  }

  /** Every comment of an issue, paging until a short page. */
  async listAllIssueComments(
    owner: string,
    repo: string,
    issueNumber: number,
    perPage = 100,
  ): Promise<GitHubIssueComment[]> {
    const all: GitHubIssueComment[] = [];
    let previousFirstId: number | undefined;
    for (let page = 1; ; page += 1) {
      const comments = await this.getIssueComments(owner, repo, issueNumber, { page, perPage });
      const firstId = comments[0]?.id;
      if (page > 1 && firstId !== undefined && firstId === previousFirstId) {
        throw new McpProtocolError(
          `issue_read get_comments returned page ${page} equal to page ${page - 1}`,
          {
            tool: 'issue_read',
            method: 'get_comments',
          },
        );
      }
      previousFirstId = firstId;
      all.push(...comments);
      if (comments.length < perPage) return all;
    }
  }

  getIssueLabels(owner: string, repo: string, issueNumber: number): Promise<GitHubIssueLabels> {
    return this.issueRead('get_labels', owner, repo, issueNumber, issueLabelsSchema, {});
  }

  /**
   * One page of an issue search (search bucket, ~30 a minute; at most the first 1,000 results of a query;
   * the index trails the truth). A full bucket throws McpRateLimitError with the reset time.
   */
  searchIssues(params: SearchIssuesParams): Promise<SearchIssuesResult> {
    return this.caller.call({
      tool: 'search_issues',
      args: defined({ ...params }),
      schema: searchIssuesResultSchema,
      idempotent: true,
    });
  }

  searchRepositories(params: SearchRepositoriesParams): Promise<SearchRepositoriesResult> {
    return this.caller.call({
      tool: 'search_repositories',
      args: defined({ ...params, minimal_output: true }),
      schema: searchRepositoriesSchema,
      idempotent: true,
    });
  }

  /** One page of pull requests. List items lack the counters and `merged` is always false (use `merged_at`). */
  listPullRequests(params: ListPullRequestsParams): Promise<GitHubPullRequest[]> {
    return this.caller.call({
      tool: 'list_pull_requests',
      args: defined({ ...params }),
      schema: pullRequestListSchema,
      idempotent: true,
      decode: decodePulls,
    });
  }

  getPullRequest(owner: string, repo: string, pullNumber: number): Promise<GitHubPullRequest> {
    return this.caller.call({
      tool: 'pull_request_read',
      method: 'get',
      args: { method: 'get', owner, repo, pullNumber },
      schema: pullRequestSchema,
      idempotent: true,
      decode: decodePull,
    });
  }

  /**
   * Creates or updates an issue. The result's `number` is parsed from the returned url. An update is
   * retried on transient failures; a create only when the request certainly never reached the server.
   */
  issueWrite(args: IssueWriteArgs): Promise<IssueWriteResult> {
    return this.caller.call({
      tool: 'issue_write',
      method: args.method,
      args: defined({ ...args }),
      schema: issueWriteResultSchema,
      idempotent: args.method === 'update',
    });
  }

  /** Adds a comment; retried only when the request certainly never reached the server. */
  addIssueComment(args: AddIssueCommentArgs): Promise<AddIssueCommentResult> {
    return this.caller.call({
      tool: 'add_issue_comment',
      args: { owner: args.owner, repo: args.repo, issue_number: args.issue_number, body: args.body },
      schema: minimalResponseSchema,
      idempotent: false,
    });
  }

  /**
   * Edits a comment's body (`update_issue_comment`, hosted server since #3284; check `hasTool` first).
   * An edit is idempotent: resending the same body leaves the same comment.
   */
  updateIssueComment(args: UpdateIssueCommentArgs): Promise<AddIssueCommentResult> {
    return this.caller.call({
      tool: 'update_issue_comment',
      args: { owner: args.owner, repo: args.repo, comment_id: args.comment_id, body: args.body },
      schema: minimalResponseSchema,
      idempotent: true,
    });
  }

  /** Whether the server offers a tool (its tools/list, asked once per connection). */
  hasTool(name: string): Promise<boolean> {
    return this.caller.hasTool(name);
  }

  private issueRead<S extends z.ZodType>(
    method: string,
    owner: string,
    repo: string,
    issueNumber: number,
    schema: S,
    extra: Record<string, unknown>,
    decode?: TextDecoder<z.output<S>>,
  ): Promise<z.output<S>> {
    return this.caller.call({
      tool: 'issue_read',
      method,
      args: { method, owner, repo, issue_number: issueNumber, ...extra },
      schema,
      idempotent: true,
      ...(decode === undefined ? {} : { decode }),
    });
  }
}
