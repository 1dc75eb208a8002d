import { Queue } from 'bullmq';
import type pg from 'pg';
import { QueueName } from '#libs/queue';
import { type DeliveryRecord, sanitize } from '../../apps/github-sim/src/index.js';
import { step } from '../../scripts/lib/log.js';
import { BIG, type FaultSystem, HOOKS, TWO } from './system.js';

/** The outstanding work after the load stopped: 0 everywhere is quiet. */
export async function outstanding(sys: FaultSystem): Promise<Record<string, number>> {
  const { rows } = await sys.db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM github_webhook_events WHERE status IN ('received', 'queued', 'processing')) AS webhook_events,
            (SELECT count(*)::int FROM github_sync_jobs WHERE status IN ('queued', 'running')) AS sync_jobs,
            (SELECT count(*)::int FROM github_issue_outbound
             WHERE version > pushed_version OR dirty_fields <> '{}'::jsonb OR pending_state IS NOT NULL) AS outbound`,
  );
  const counts: Record<string, number> = { ...rows[0] };
  for (const name of [QueueName.Sync, QueueName.Webhooks]) {
    const queue = new Queue(name, { connection: { url: sys.redis.url }, prefix: sys.env.QUEUE_PREFIX });
    const jobs = await queue.getJobCounts('active', 'wait', 'delayed', 'prioritized');
    counts[`${name}_jobs`] = Object.values(jobs).reduce((a, b) => a + b, 0);
    await queue.close();
  }
  return counts;
}

/** Waits until nothing is outstanding (or `timeoutS` passed); returns what is still outstanding. */
export async function quiesce(sys: FaultSystem, timeoutS: number): Promise<Record<string, number>> {
  await sys.hooks.idle();
  const deadline = Date.now() + timeoutS * 1000;
  for (;;) {
    const left = await outstanding(sys).catch(() => ({ unreachable: 1 }));
    if (Object.values(left).every((n) => n === 0) || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export interface DeliveryTally {
  sent: number;
  acked: number;
  /** Answered non-2xx (or not at all) on every attempt before the sender's redelivery. */
  unacked: string[];
}

/** Deliveries by GUID: acknowledged when any attempt was answered 2xx. */
export function tallyDeliveries(records: DeliveryRecord[]): DeliveryTally {
  const acked = new Set<string>();
  const all = new Set<string>();
  for (const record of records) {
    all.add(record.guid);
    if (record.statusCode !== null && record.statusCode >= 200 && record.statusCode < 300)
      acked.add(record.guid);
  }
  return { sent: all.size, acked: acked.size, unacked: [...all].filter((guid) => !acked.has(guid)) };
}

/** The sender redelivers each delivery never acknowledged (as an operator does from GitHub's page). */
export async function redeliverUnacked(sys: FaultSystem, unacked: string[]): Promise<number> {
  const last = new Map<string, number>();
  for (const record of sys.hooks.deliveries()) last.set(record.guid, record.id);
  for (const guid of unacked) sys.hooks.redeliver(last.get(guid) as number);
  await sys.hooks.idle();
  return tallyDeliveries(sys.hooks.deliveries().filter((r) => unacked.includes(r.guid))).acked;
}

/** Acknowledged deliveries without a row, or whose row did not end processed/ignored. */
export async function unprocessed(
  db: pg.Pool,
  guids: string[],
): Promise<{ missing: number; notDone: number }> {
  const { rows } = await db.query<{ delivery_id: string; status: string }>(
    'SELECT delivery_id, status FROM github_webhook_events WHERE delivery_id = ANY($1)',
    [guids],
  );
  const stored = new Set(rows.map((r) => r.delivery_id));
  for (const guid of guids.filter((g) => !stored.has(g)).slice(0, 3)) step(`delivery ${guid} has no row`);
  const notDone = rows.filter((r) => r.status !== 'processed' && r.status !== 'ignored');
  for (const row of notDone.slice(0, 5)) step(`delivery ${row.delivery_id} ended ${row.status}`);
  return { missing: guids.length - rows.length, notDone: notDone.length };
}

interface Comparison {
  missing: number;
  extra: number;
  stale: number;
  commentsMissing: number;
  commentsDoubled: number;
  /** The bench's own comments not there exactly once with their newest body. */
  commentsStale: number;
}

const OURS = /^Comment (edited )?\d+$/;

/**
 * A connected repository's issues in the workspace against the simulator: every issue once, with its
 * title, open/closed and exactly its comments (by body, duplicates counted).
 */
export async function compareRepository(
  sys: FaultSystem,
  repo: { owner: string; name: string },
  projectId: string,
): Promise<Comparison> {
  const state = sys.sim.store.requireRepo(repo.owner, repo.name);
  const { rows } = await sys.db.query<{ number: number; title: string; state: string; n: number }>(
    `SELECT s.github_number AS number, i.title, i.state::text AS state, count(*) OVER (PARTITION BY s.github_number)::int AS n
     FROM issues i JOIN github_issue_syncs s ON s.issue_id = i.id
     WHERE i.project_id = $1 AND i.deleted_at IS NULL`,
    [projectId],
  );
  const { rows: comments } = await sys.db.query<{ number: number; body: string }>(
    `SELECT s.github_number AS number, c.body FROM issue_comments c
     JOIN github_issue_syncs s ON s.issue_id = c.issue_id JOIN issues i ON i.id = c.issue_id
     WHERE i.project_id = $1 AND c.deleted_at IS NULL`,
    [projectId],
  );
  const local = new Map(rows.map((r) => [r.number, r]));
  const localComments = new Map<number, string[]>();
  for (const c of comments) localComments.set(c.number, [...(localComments.get(c.number) ?? []), c.body]);
  const result: Comparison = {
    missing: 0,
    extra: 0,
    stale: 0,
    commentsMissing: 0,
    commentsDoubled: 0,
    commentsStale: 0,
  };
  const issues = [...state.items.values()].filter((i) => !i.pull);
  for (const issue of issues) {
    const row = local.get(issue.number);
    if (!row) {
      result.missing++;
      continue;
    }
    if (row.n > 1) result.extra += row.n - 1;
    const closed = row.state === 'done' || row.state === 'cancelled';
    // A sync reads the title through the MCP server, which filters HTML-like tags (`Vec<T>` → `Vec`).
    const title = row.title === issue.title || row.title === sanitize(issue.title);
    if (!title || closed !== (issue.state === 'closed')) {
      if (result.stale++ < 3) {
        const sim = `${JSON.stringify(issue.title)} ${issue.state}/${issue.state_reason}`;
        step(
          `${state.fullName}#${issue.number}: workspace ${JSON.stringify(row.title)} ${row.state}, GitHub ${sim}`,
        );
      }
    }
    // The bench's own comments by body; generated ones (which the MCP server may re-encode) by count.
    const expected = state.commentsOf(issue.number).map((c) => c.body);
    const have = localComments.get(issue.number) ?? [];
    for (const body of expected.filter((b) => OURS.test(b))) {
      if (have.filter((b) => b === body).length !== 1) result.commentsStale++;
    }
    result.commentsMissing += Math.max(0, expected.length - have.length);
    result.commentsDoubled += Math.max(0, have.length - expected.length);
  }
  result.extra += [...local.keys()].filter((n) => !state.items.get(n) || state.items.get(n)?.pull).length;
  return result;
}

export async function compareAll(sys: FaultSystem) {
  return {
    hooks: await compareRepository(sys, HOOKS, sys.projects.hooks),
    big: await compareRepository(sys, BIG, sys.projects.big),
    two: await compareRepository(sys, TWO, sys.projects.two),
  };
}
