/** What a from_github pass did, as the sync job's summary records it. */
import type { IssueSyncStore } from '#libs/db';
import type { ReadPage } from './issue-page-reader.js';

export interface RunSummary {
  pages: number;
  issues: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  comments_created: number;
  comments_updated: number;
  comments_deleted: number;
  /** Workspace issues soft-deleted because GitHub no longer has them here (full passes only). */
  soft_deleted: number;
  mcp_calls: number;
  /** search_issues pages (close reasons and milestones of closed issues) and issue_read get fallbacks. */
  search_calls: number;
  close_reads: number;
  /** Why the search stopped early (the rest fell back to issue_read), or null. */
  search_gave_up: string | null;
  /** Time the pass waited for GitHub reads vs. spent writing pages (the rest overlaps). */
  wait_read_ms: number;
  write_ms: number;
  cursor: string | null;
}

export function emptySummary(): RunSummary {
  return {
    pages: 0,
    issues: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    comments_created: 0,
    comments_updated: 0,
    comments_deleted: 0,
    soft_deleted: 0,
    mcp_calls: 0,
    search_calls: 0,
    close_reads: 0,
    search_gave_up: null,
    wait_read_ms: 0,
    write_ms: 0,
    cursor: null,
  };
}

export function addTo(
  summary: RunSummary,
  page: ReadPage,
  written: Awaited<ReturnType<IssueSyncStore['writePage']>>,
): void {
  summary.pages += 1;
  summary.issues += page.records.length;
  summary.failed += page.failed.length;
  summary.created += written.created;
  summary.updated += written.updated;
  summary.unchanged += written.unchanged + written.stale;
  summary.comments_created += written.commentsCreated;
  summary.comments_updated += written.commentsUpdated;
  summary.comments_deleted += written.commentsDeleted;
  summary.mcp_calls += page.calls;
  summary.close_reads += page.closeReads;
}

/** Pages 1, 4, 16, 64, …: statistics keep up with a growing table at a logarithmic cost. */
export function isPowerOf4(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0 && Math.log2(n) % 2 === 0;
}

export function maxIso(current: string | null, records: { updatedAt: Date }[]): string | null {
  let max = current ? new Date(current).getTime() : -Infinity;
  for (const r of records) max = Math.max(max, r.updatedAt.getTime());
  return Number.isFinite(max) ? new Date(max).toISOString() : null;
}

export function latest(a: Date | null, b: string | null): Date | null {
  const bDate = b ? new Date(b) : null;
  if (!a) return bDate;
  if (!bDate) return a;
  return a > bDate ? a : bDate;
}
