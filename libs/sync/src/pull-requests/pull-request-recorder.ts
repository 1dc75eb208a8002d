import { Injectable, Logger } from '@nestjs/common';
import { IntegrationRepository, PullRequestRepository, type RepositorySyncWithRepo } from '#libs/db';
import type { GitHubPullRequest } from '#libs/github-mcp';
import { closingIssueNumbers } from './closing-references.js';

/**
 * A pull request in a source-neutral shape: what both `list_pull_requests` / `pull_request_read`
 * (MCP) and a `pull_request` webhook payload carry. Text must already be plain (MCP text decoded).
 */
export interface PullRequestSnapshot {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  draft: boolean;
  /** MCP list items always say false: `merged_at` is what counts there. */
  merged: boolean;
  merged_at: string | Date | null;
  html_url: string;
  user_login: string | null;
  head_ref: string | null;
  base_ref: string | null;
  updated_at: string | Date;
}

export interface PullRequestRecordResult {
  number: number;
  created: boolean;
  changed: boolean;
  /** An older view than the one stored: nothing was written. */
  stale: boolean;
  merged: boolean;
  /** Issue numbers the description closes (same repository only). */
  linkedIssueNumbers: number[];
  /** Local issues linked to those numbers. */
  linkedIssueIds: string[];
  /** Local issue ids moved to done by this call (the merge was seen for the first time). */
  movedToDone: string[];
}

/** MCP MinimalPullRequest → snapshot. */
export function fromMcpPullRequest(pr: GitHubPullRequest): PullRequestSnapshot {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    state: pr.state,
    draft: pr.draft,
    merged: pr.merged,
    merged_at: pr.merged_at ?? null,
    html_url: pr.html_url,
    user_login: pr.user?.login ?? null,
    head_ref: pr.head.ref,
    base_ref: pr.base.ref,
    updated_at: pr.updated_at,
  };
}

/**
 * Records pull requests in github_pull_requests and links them to the issues they close ("Fixes #12").
 * A merged pull request moves its linked local issues that are still open to done, once: seeing the
 * same merged pull request again (a page, a redelivered webhook) changes nothing. Older views than the
 * stored one are ignored. Used by the from_github pass and by `pull_request` webhook events.
 */
@Injectable()
export class PullRequestRecorder {
  private readonly logger = new Logger(PullRequestRecorder.name);

  constructor(
    private readonly pulls: PullRequestRepository,
    private readonly integrations: IntegrationRepository,
  ) {}

  /** Records one pull request of the repository sync `repositorySync` (its id, or the loaded row). */
  async record(
    repositorySync: string | RepositorySyncWithRepo,
    pr: PullRequestSnapshot,
  ): Promise<PullRequestRecordResult> {
    const scope =
      typeof repositorySync === 'string'
        ? await this.integrations.findRepositorySync(repositorySync)
        : repositorySync;
    if (!scope) throw new Error(`repository sync ${String(repositorySync)} does not exist`);
    const repo = { owner: scope.repository.owner, name: scope.repository.name };
    const linkedIssueNumbers = closingIssueNumbers(pr.body, repo);
    const merged = pr.merged || pr.merged_at !== null;
    const saved = await this.pulls.save({
      repositorySyncId: scope.id,
      number: pr.number,
      title: pr.title,
      state: pr.state,
      draft: pr.draft,
      merged,
      mergedAt: pr.merged_at === null ? null : new Date(pr.merged_at),
      htmlUrl: pr.html_url,
      authorLogin: pr.user_login,
      headRef: pr.head_ref,
      baseRef: pr.base_ref,
      githubUpdatedAt: new Date(pr.updated_at),
      linkedIssueNumbers,
    });
    if (saved.movedToDone.length > 0) {
      this.logger.log(
        `merged pull request #${pr.number} moved ${saved.movedToDone.length} issue(s) to done: ` +
          saved.movedToDone.map((m) => `#${m.number}`).join(', '),
      );
    }
    return {
      number: pr.number,
      created: saved.created,
      changed: saved.changed,
      stale: saved.stale,
      merged,
      linkedIssueNumbers,
      linkedIssueIds: saved.linkedIssueIds,
      movedToDone: saved.movedToDone.map((m) => m.issueId),
    };
  }
}
