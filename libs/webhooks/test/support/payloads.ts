import type pg from 'pg';
import { type RunningSimulator, customEvent } from '../../../../apps/github-sim/src/index.js';

/**
 * GitHub-shaped payloads built by the simulator's webhook payload builders from its current data, with
 * overrides merged one level deep (`{ issue: { title, updated_at } }`).
 */
export function payloadFor(
  sim: RunningSimulator,
  input: {
    event: string;
    action?: string;
    repository?: string;
    number?: number;
    payload?: Record<string, unknown>;
  },
): Record<string, unknown> {
  return customEvent(sim.store, { repository: 'acme/web', ...input }).payload;
}

/** An ISO timestamp `seconds` after a fixed base, to order snapshots explicitly. */
export function at(seconds: number): string {
  return new Date(Date.UTC(2030, 0, 1) + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export interface LocalIssue {
  id: string;
  title: string;
  description: string;
  state: string;
  milestone: string | null;
  completed_at: Date | null;
  deleted_at: Date | null;
  labels: string[];
  assignees: string[];
  github_id: string | null;
  github_updated_at: Date;
  github_comment_count: number;
}

/** The workspace issue linked to `repo#number` (deleted ones included). */
export async function localIssue(db: pg.Pool, repo: string, number: number): Promise<LocalIssue | undefined> {
  const { rows } = await db.query<LocalIssue>(
    `SELECT i.id, i.title, i.description, i.state, i.milestone, i.completed_at, i.deleted_at,
            s.github_id::text AS github_id, s.github_updated_at, s.github_comment_count,
            COALESCE((SELECT array_agg(l.name ORDER BY l.name) FROM issue_labels il JOIN labels l ON l.id = il.label_id
                      WHERE il.issue_id = i.id), '{}') AS labels,
            COALESCE((SELECT array_agg(a.github_login ORDER BY a.github_login) FROM issue_assignees a
                      WHERE a.issue_id = i.id), '{}') AS assignees
     FROM issues i
     JOIN github_issue_syncs s ON s.issue_id = i.id
     JOIN github_repository_syncs rs ON rs.id = s.repository_sync_id
     JOIN github_repositories r ON r.id = rs.repository_id
     WHERE r.owner || '/' || r.name = $1 AND s.github_number = $2`,
    [repo, number],
  );
  return rows[0];
}
