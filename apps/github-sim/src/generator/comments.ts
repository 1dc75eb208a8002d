/** Uneven distribution of a fixed number of comments over a repository's issues. */
import type { SimComment } from '../store/types.js';
import { isoSeconds, nodeId } from '../util/ids.js';
import type { Rng } from '../util/prng.js';
import type { IdCounters } from './ids.js';
import { nextId } from './ids.js';
import type { Draft } from './issues.js';
import { randomReactions } from './issues.js';
import { commentBody } from './text.js';
import { DAY_MS, HOUR_MS, clampMs } from './timeline.js';
import { ALL_LOGINS } from './users.js';

interface CommentDraft {
  comment: SimComment;
  createdMs: number;
  updatedMs: number;
}

/** How many comments each target gets: a quarter get none, a few get many; the sum is `total`. */
function distribute(rng: Rng, targets: number, total: number): number[] {
  const counts = new Array<number>(targets).fill(0);
  if (targets === 0 || total <= 0) return counts;
  const open: number[] = [];
  for (let i = 0; i < targets; i++) if (!rng.chance(0.25)) open.push(i);
  if (open.length === 0) open.push(rng.int(0, targets - 1));
  const order = rng.sample(open, open.length);
  for (let k = 0; k < total; k++) {
    const slot = order[Math.floor(order.length * Math.pow(rng.next(), 1.8))] as number;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  return counts;
}

/**
 * Generates `total` comments on `targets` (issues, or pull requests when a repo has no issues),
 * bumps their comment counts and updated times, and returns the comments oldest first.
 */
export function generateComments(
  rng: Rng,
  repoId: number,
  targets: Draft[],
  total: number,
  counters: IdCounters,
): SimComment[] {
  const counts = distribute(rng, targets.length, total);
  const drafts: CommentDraft[] = [];
  targets.forEach((target, index) => {
    const count = counts[index] ?? 0;
    if (count === 0) return;
    const windowMs = Math.max(
      HOUR_MS,
      Math.min(45 * DAY_MS, (target.closedMs ?? target.createdMs + 30 * DAY_MS) - target.createdMs),
    );
    let lastMs = target.createdMs;
    for (let k = 0; k < count; k++) {
      const createdMs = clampMs(target.createdMs + Math.floor(rng.next() * windowMs) + 60_000);
      const updatedMs = rng.chance(0.1) ? clampMs(createdMs + rng.int(1, 120) * 60_000) : createdMs;
      lastMs = Math.max(lastMs, updatedMs);
      drafts.push({
        createdMs,
        updatedMs,
        comment: {
          id: 0,
          node_id: '',
          issue_number: target.issue.number,
          body: commentBody(rng),
          user: rng.pick(ALL_LOGINS),
          reactions: randomReactions(rng, 0.1),
          created_at: '',
          updated_at: '',
        },
      });
    }
    target.issue.comments = count;
    target.updatedMs = Math.max(target.updatedMs, lastMs);
  });
  drafts.sort((a, b) => a.createdMs - b.createdMs || a.comment.issue_number - b.comment.issue_number);
  return drafts.map((d) => {
    const id = nextId(counters, 'comment');
    d.comment.id = id;
    d.comment.node_id = nodeId('IC', repoId, id);
    d.comment.created_at = isoSeconds(d.createdMs);
    d.comment.updated_at = isoSeconds(d.updatedMs);
    return d.comment;
  });
}
