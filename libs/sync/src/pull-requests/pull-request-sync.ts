import { Injectable } from '@nestjs/common';
import { PullRequestRepository, type RepositorySyncWithRepo, type SyncTrigger } from '#libs/db';
import type { GitHubMcpClient } from '#libs/github-mcp';
import { PullRequestRecorder, fromMcpPullRequest } from './pull-request-recorder.js';

export type PullRequestReader = Pick<GitHubMcpClient, 'listPullRequests'>;

/** Pull requests updated up to this long before the newest one recorded are listed again (clock skew). */
export const PULL_REQUEST_OVERLAP_MS = 60_000;
const PER_PAGE = 100;

export interface PullRequestPassSummary {
  pull_requests_listed: number;
  pull_requests_recorded: number;
  pull_requests_merged_to_done: number;
  pull_request_calls: number;
}

/**
 * Whether a from_github pass lists pull requests. An idle repository must cost exactly one MCP call per
 * periodic pass, so periodic passes rely on `pull_request` webhooks (PullRequestRecorder) and pull
 * requests are listed on full passes (first sync, `force: true`) and on manual "sync now" presses.
 */
export function shouldListPullRequests(
  job: { full: boolean; trigger: SyncTrigger },
  repoSync: Pick<RepositorySyncWithRepo, 'includePullRequests' | 'lastCursor'>,
): boolean {
  if (!repoSync.includePullRequests) return false;
  return job.full || repoSync.lastCursor === null || job.trigger === 'manual' || job.trigger === 'connect';
}

/**
 * Lists a repository's pull requests newest update first (`list_pull_requests` state=all sort=updated
 * direction=desc) and records each one, stopping at the first one older than what is already recorded
 * (minus an overlap). A full pass lists them all. `list_pull_requests` items carry the body and
 * `merged_at`, so no `pull_request_read` call is needed per pull request.
 */
@Injectable()
export class PullRequestSync {
  constructor(
    private readonly recorder: PullRequestRecorder,
    private readonly pulls: PullRequestRepository,
  ) {}

  async run(
    repoSync: RepositorySyncWithRepo,
    client: PullRequestReader,
    options: { full: boolean },
  ): Promise<PullRequestPassSummary> {
    const summary: PullRequestPassSummary = {
      pull_requests_listed: 0,
      pull_requests_recorded: 0,
      pull_requests_merged_to_done: 0,
      pull_request_calls: 0,
    };
    const newest = options.full ? null : await this.pulls.newestUpdate(repoSync.id);
    const stopBefore = newest ? newest.getTime() - PULL_REQUEST_OVERLAP_MS : null;
    for (let page = 1; ; page += 1) {
      const items = await client.listPullRequests({
        owner: repoSync.repository.owner,
        repo: repoSync.repository.name,
        state: 'all',
        sort: 'updated',
        direction: 'desc',
        page,
        perPage: PER_PAGE,
      });
      summary.pull_request_calls += 1;
      let reachedKnown = false;
      for (const item of items) {
        if (stopBefore !== null && Date.parse(item.updated_at) < stopBefore) {
          reachedKnown = true;
          break;
        }
        summary.pull_requests_listed += 1;
        const result = await this.recorder.record(repoSync, fromMcpPullRequest(item));
        if (result.changed) summary.pull_requests_recorded += 1;
        summary.pull_requests_merged_to_done += result.movedToDone.length;
      }
      if (reachedKnown || items.length < PER_PAGE) return summary;
    }
  }
}
