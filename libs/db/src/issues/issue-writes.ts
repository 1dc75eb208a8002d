import type { Issue, Prisma } from '../prisma-types.js';
import type { IssueSnapshot } from './issue-event.types.js';
import { OPEN_ISSUE_STATES } from '#libs/issues';

type Tx = Prisma.TransactionClient;

/**
 * Every statement that writes rows of `issues`: the stores and repositories of libs/db run these (most
 * inside their transactions) and write the table nowhere else. Set-based statements (`… FROM unnest`)
 * serve the sync and webhook batch hot paths: one statement per page or batch instead of one per row.
 */

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A local edit: one issue created by a member, numbered by the caller. */
export function createIssue(tx: Tx, data: Prisma.IssueUncheckedCreateInput): Promise<Issue> {
  return tx.issue.create({ data });
}

/** The columns a single-issue write may set (a local edit, GitHub values applied, a GitHub page). */
export type IssueColumns = Pick<
  Prisma.IssueUncheckedUpdateInput,
  'title' | 'description' | 'state' | 'priority' | 'milestone' | 'updatedAt' | 'completedAt' | 'deletedAt'
>;

export async function updateIssue(tx: Tx, issueId: string, data: IssueColumns): Promise<void> {
  await tx.issue.update({ where: { id: issueId }, data });
}

export async function softDeleteIssue(tx: Tx, issueId: string, at: Date): Promise<void> {
  await tx.issue.update({ where: { id: issueId }, data: { deletedAt: at } });
}

/** GitHub's fields of one issue from a webhook snapshot. */
export async function updateIssueFields(tx: Tx, issueId: string, snapshot: IssueSnapshot): Promise<void> {
  await tx.$executeRaw`
    UPDATE issues SET title = ${snapshot.title}, description = ${snapshot.body}, state = ${snapshot.state}::"IssueState",
                      milestone = ${snapshot.milestone}, updated_at = ${snapshot.updatedAt},
                      completed_at = ${snapshot.closedAt}
    WHERE id = ${issueId}::uuid`;
}

export interface IssueRow {
  id: string;
  sequenceId: number;
  title: string;
  description: string;
  state: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  milestone?: string | null;
}

/** New issues of one project (a page of GitHub issues), numbered by the caller. */
export async function insertIssues(tx: Tx, workspaceId: string, projectId: string, rows: IssueRow[]) {
  if (rows.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO issues (id, workspace_id, project_id, sequence_id, title, description, state, created_at, updated_at, completed_at, milestone)
    SELECT u.id, ${workspaceId}::uuid, ${projectId}::uuid, u.seq, u.title, u.description, u.state::"IssueState",
           u.created_at, u.updated_at, u.completed_at, u.milestone
    FROM unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.sequenceId)}::int[],
                ${rows.map((r) => r.title)}::text[], ${rows.map((r) => r.description)}::text[],
                ${rows.map((r) => r.state)}::text[], ${rows.map((r) => iso(r.createdAt))}::timestamptz[],
                ${rows.map((r) => iso(r.updatedAt))}::timestamptz[], ${rows.map((r) => iso(r.completedAt))}::timestamptz[],
                ${rows.map((r) => r.milestone ?? null)}::text[])
      AS u(id, seq, title, description, state, created_at, updated_at, completed_at, milestone)`;
}

export interface IssueFieldsWrite {
  issueId: string;
  title: string;
  body: string;
  state: string;
  milestone: string | null;
  updatedAt: Date;
  closedAt: Date | null;
}

export interface LinkWrite {
  linkId: string;
  contentHash: string;
  updatedAt: Date;
  url: string;
  /** Null keeps the stored id (as `updateLink` does). */
  githubId: bigint | null;
}

/**
 * `updateIssueFields` and `updateLink` (issue-event-sql.ts) for a batch of webhook events: one statement,
 * two data-modifying CTEs, so the issues and their links are written in one round trip.
 */
export async function writeIssuesAndLinks(tx: Tx, issues: IssueFieldsWrite[], links: LinkWrite[]) {
  if (issues.length === 0 && links.length === 0) return;
  await tx.$executeRaw`
    WITH written_issues AS (
      UPDATE issues AS t
      SET title = u.title, description = u.description, state = u.state::"IssueState", milestone = u.milestone,
          updated_at = u.updated_at, completed_at = u.completed_at
      FROM unnest(${issues.map((i) => i.issueId)}::uuid[], ${issues.map((i) => i.title)}::text[],
                  ${issues.map((i) => i.body)}::text[], ${issues.map((i) => i.state)}::text[],
                  ${issues.map((i) => i.milestone)}::text[], ${issues.map((i) => iso(i.updatedAt))}::timestamptz[],
                  ${issues.map((i) => iso(i.closedAt))}::timestamptz[])
        AS u(id, title, description, state, milestone, updated_at, completed_at)
      WHERE t.id = u.id
    ), written_links AS (
      UPDATE github_issue_syncs AS t
      SET content_hash = u.hash, github_updated_at = u.updated_at, github_url = u.url,
          github_id = COALESCE(u.github_id, t.github_id), last_synced_at = now()
      FROM unnest(${links.map((l) => l.linkId)}::uuid[], ${links.map((l) => l.contentHash)}::text[],
                  ${links.map((l) => iso(l.updatedAt))}::timestamptz[], ${links.map((l) => l.url)}::text[],
                  ${links.map((l) => l.githubId?.toString() ?? null)}::bigint[])
        AS u(id, hash, updated_at, url, github_id)
      WHERE t.id = u.id
    )
    SELECT 1`;
}

/**
 * Moves the open, live issues a merged pull request closes (by GitHub number in its repository) to done,
 * keeping a completion time they already have. Returns what moved.
 */
export function closeIssuesByNumber(
  tx: Tx,
  repositorySyncId: string,
  numbers: number[],
  completedAt: Date,
): Promise<{ issue_id: string; number: number; state: string }[]> {
  return tx.$queryRaw<{ issue_id: string; number: number; state: string }[]>`
    UPDATE issues i SET state = 'done', completed_at = COALESCE(i.completed_at, ${completedAt}), updated_at = now()
    FROM github_issue_syncs l
    WHERE l.issue_id = i.id AND l.repository_sync_id = ${repositorySyncId}::uuid
      AND l.github_number = ANY(${numbers}::int[])
      AND i.deleted_at IS NULL AND i.state::text = ANY(${[...OPEN_ISSUE_STATES]}::text[])
    RETURNING i.id::text AS issue_id, l.github_number AS number, 'done' AS state`;
}

/**
 * Soft-deletes the live issues of a repository whose GitHub numbers a complete pass did not see (`seen`:
 * bit n set for number n, as `get_bit` reads it), linked before `passStartedAt`. Returns how many.
 */
export function softDeleteUnseen(
  db: Tx,
  repositorySyncId: string,
  seen: Uint8Array<ArrayBuffer>,
  passStartedAt: Date,
): Promise<number> {
  const bits = seen.length * 8;
  return db.$executeRaw`
    UPDATE issues SET deleted_at = now(), updated_at = now()
    WHERE deleted_at IS NULL AND id IN (
      SELECT issue_id FROM github_issue_syncs
      WHERE repository_sync_id = ${repositorySyncId}::uuid
        AND CASE WHEN github_number < ${bits} THEN get_bit(${seen}::bytea, github_number) ELSE 0 END = 0
        AND last_synced_at < ${passStartedAt})`;
}
