import type { z } from 'zod';
import type {
  issueCommentSchema,
  issueLabelsSchema,
  issueSchema,
  listIssuesItemSchema,
  listIssuesResultSchema,
  searchIssuesResultSchema,
} from './schemas/issues.js';
import type { pullRequestSchema } from './schemas/pulls.js';
import type { repositorySchema, searchRepositoriesSchema } from './schemas/repos.js';
import type { meSchema } from './schemas/users.js';
import type { issueWriteResultSchema, minimalResponseSchema } from './schemas/writes.js';

export type GitHubUser = z.output<typeof meSchema>;
export type ListIssuesItem = z.output<typeof listIssuesItemSchema>;
export type SearchIssuesResult = z.output<typeof searchIssuesResultSchema>;
export type SearchIssueItem = SearchIssuesResult['items'][number];
export type ListIssuesResult = z.output<typeof listIssuesResultSchema>;
export type GitHubIssue = z.output<typeof issueSchema>;
export type GitHubIssueComment = z.output<typeof issueCommentSchema>;
export type GitHubIssueLabels = z.output<typeof issueLabelsSchema>;
export type GitHubPullRequest = z.output<typeof pullRequestSchema>;
export type GitHubRepository = z.output<typeof repositorySchema>;
export type SearchRepositoriesResult = z.output<typeof searchRepositoriesSchema>;
export type IssueWriteResult = z.output<typeof issueWriteResultSchema>;
export type AddIssueCommentResult = z.output<typeof minimalResponseSchema>;

export interface ListIssuesParams {
  owner: string;
  repo: string;
  /** 1..100 */
  perPage: number;
  /** `pageInfo.endCursor` of the previous page. */
  after?: string;
  /** Only issues updated at or after this time (a Date is sent as RFC 3339 without milliseconds). */
  since?: string | Date;
  /** Omitted: both states. */
  state?: 'OPEN' | 'CLOSED';
  /** Any-of label names. */
  labels?: string[];
  orderBy?: 'CREATED_AT' | 'UPDATED_AT' | 'COMMENTS';
  direction?: 'ASC' | 'DESC';
}

export interface PageParams {
  /** 1-based */
  page: number;
  /** 1..100 */
  perPage: number;
}

/** `search_issues` with a `fields` selection (the sync asks only what it needs). */
export interface SearchIssuesParams extends PageParams {
  query: string;
  owner?: string;
  repo?: string;
  sort?: 'created' | 'updated' | 'comments';
  order?: 'asc' | 'desc';
  fields: ('number' | 'state' | 'state_reason' | 'milestone' | 'updated_at' | 'closed_at')[];
}

export interface SearchRepositoriesParams extends PageParams {
  query: string;
  sort?: 'stars' | 'forks' | 'help-wanted-issues' | 'updated';
  order?: 'asc' | 'desc';
}

export interface ListPullRequestsParams extends PageParams {
  owner: string;
  repo: string;
  state?: 'open' | 'closed' | 'all';
  sort?: 'created' | 'updated' | 'popularity' | 'long-running';
  direction?: 'asc' | 'desc';
  head?: string;
  base?: string;
}

export interface IssueFieldInput {
  field_name: string;
  value?: string | number | boolean;
  field_option_name?: string;
  delete?: boolean;
}

interface IssueWriteCommon {
  owner: string;
  repo: string;
  body?: string;
  /** Replaces the whole set; `[]` clears it. */
  assignees?: string[];
  /** Replaces the whole set; `[]` clears it. */
  labels?: string[];
  milestone?: number;
  issue_fields?: IssueFieldInput[];
}

export interface IssueCreateArgs extends IssueWriteCommon {
  method: 'create';
  title: string;
  type?: string;
}

/** `issue_write`: the server drops an empty title/body, so an update cannot empty the body. */
export interface IssueUpdateArgs extends IssueWriteCommon {
  method: 'update';
  issue_number: number;
  title?: string;
  /** `null` clears the issue type. */
  type?: string | null;
  state?: 'open' | 'closed';
  state_reason?: 'completed' | 'not_planned' | 'duplicate';
  duplicate_of?: number;
}

export type IssueWriteArgs = IssueCreateArgs | IssueUpdateArgs;

export interface AddIssueCommentArgs {
  owner: string;
  repo: string;
  issue_number: number;
  body: string;
}

/** `update_issue_comment` (offered by the hosted server, github-mcp-server #3284). */
export interface UpdateIssueCommentArgs {
  owner: string;
  repo: string;
  comment_id: number;
  body: string;
}
