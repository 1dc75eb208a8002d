import { Injectable } from '@nestjs/common';
import { IssueSyncStore, type RepositorySyncWithRepo } from '#libs/db';
import type { GitHubIssueComment, GitHubMcpClient, ListIssuesItem } from '#libs/github-mcp';
import { type FieldHashes, fingerprintHash } from '#libs/issues';

export type LookupClient = Pick<GitHubMcpClient, 'listIssues' | 'listAllIssueComments'>;

/** Clocks of GitHub and of the workers may differ by this much. */
export const CREATE_SKEW_MS = 5 * 60_000;
const PAGE = 50;

/**
 * Finds what an earlier create attempt may have created when its answer was lost (timeout, crash after
 * the call). The attempt recorded, before calling, when it started and the fingerprints of the title and
 * body it sent. `search_issues` is not used (separate, small rate bucket, and eventually consistent):
 * `list_issues` ordered by CREATED_AT DESC with `since` the start time returns the few issues created or
 * updated since, and the one we wrote is the unlinked one with our login, created after the start, whose
 * title and body fingerprints match. Nothing is embedded in the user's text (the server's sanitiser would
 * strip an HTML-comment marker from what it shows anyway).
 */
@Injectable()
export class CreateLookup {
  constructor(private readonly links: IssueSyncStore) {}

  async findIssue(
    client: LookupClient,
    repoSync: RepositorySyncWithRepo,
    attempt: { startedAt: Date; fingerprints: FieldHashes; login: string | null },
  ): Promise<ListIssuesItem | null> {
    const since = new Date(attempt.startedAt.getTime() - CREATE_SKEW_MS);
    const page = await client.listIssues({
      owner: repoSync.repository.owner,
      repo: repoSync.repository.name,
      perPage: PAGE,
      orderBy: 'CREATED_AT',
      direction: 'DESC',
      since,
    });
    const candidates = page.issues.filter(
      (i) =>
        Date.parse(i.created_at) >= since.getTime() &&
        sameLogin(i.user?.login, attempt.login) &&
        fingerprintHash('title', i.title) === attempt.fingerprints.title &&
        fingerprintHash('description', i.body) === attempt.fingerprints.description,
    );
    if (candidates.length === 0) return null;
    const linked = await this.links.findLinks(
      repoSync.id,
      candidates.map((c) => c.number),
    );
    const free = candidates.filter((c) => !linked.has(c.number)).sort((a, b) => a.number - b.number);
    return free[0] ?? null;
  }

  async findComment(
    client: LookupClient,
    repoSync: RepositorySyncWithRepo,
    issueNumber: number,
    attempt: { startedAt: Date; fingerprint: string; login: string | null; linked: Set<string> },
  ): Promise<GitHubIssueComment | null> {
    const since = attempt.startedAt.getTime() - CREATE_SKEW_MS;
    const comments = await client.listAllIssueComments(
      repoSync.repository.owner,
      repoSync.repository.name,
      issueNumber,
    );
    return (
      comments.find(
        (c) =>
          Date.parse(c.created_at) >= since &&
          !attempt.linked.has(String(c.id)) &&
          sameLogin(c.user?.login, attempt.login) &&
          fingerprintHash('description', c.body) === attempt.fingerprint,
      ) ?? null
    );
  }
}

function sameLogin(found: string | undefined, expected: string | null): boolean {
  return expected === null || found?.toLowerCase() === expected.toLowerCase();
}
