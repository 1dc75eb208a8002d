/** Generation of one issue or pull request record. */
import type { SimIssue, SimPullData, SimReactions, StateReason } from '../store/types.js';
import { REACTION_CONTENTS, emptyReactions } from '../store/types.js';
import { isoSeconds, nodeId } from '../util/ids.js';
import type { Rng } from '../util/prng.js';
import { issueBody, issueTitle, pullBody, pullTitle } from './text.js';
import { DAY_MS, HOUR_MS, clampMs } from './timeline.js';
import { ALL_LOGINS, MEMBER_LOGINS } from './users.js';

export interface GenContext {
  rng: Rng;
  repoId: number;
  repoFullName: string;
  defaultBranch: string;
  defaultBranchSha: string;
  labelNames: string[];
  milestoneNumbers: number[];
}

/** A record under construction; times are kept in ms until the repository is finished. */
export interface Draft {
  issue: SimIssue;
  createdMs: number;
  updatedMs: number;
  closedMs: number | null;
  mergedMs: number | null;
  closes: number | null;
}

export function randomReactions(rng: Rng, probability: number): SimReactions {
  const reactions = emptyReactions();
  if (!rng.chance(probability)) return reactions;
  for (const content of rng.sample(REACTION_CONTENTS, rng.int(1, 3))) reactions[content] = rng.int(1, 12);
  return reactions;
}

function baseIssue(ctx: GenContext, id: number, number: number, title: string, body: string): SimIssue {
  const { rng } = ctx;
  return {
    id,
    node_id: '',
    number,
    title,
    body,
    state: 'open',
    state_reason: null,
    user: rng.chance(0.6) ? rng.pick(MEMBER_LOGINS) : rng.pick(ALL_LOGINS),
    labels: rng.chance(0.3) ? [] : rng.sample(ctx.labelNames, rng.int(1, 3)).sort(),
    assignees: rng.chance(0.5) ? [] : rng.sample(MEMBER_LOGINS, rng.int(1, 2)),
    milestone: rng.chance(0.3) ? rng.pick(ctx.milestoneNumbers) : null,
    locked: rng.chance(0.02),
    comments: 0,
    reactions: randomReactions(rng, 0.2),
    created_at: '',
    updated_at: '',
    closed_at: null,
    closed_by: null,
    pull: null,
  };
}

export function draftIssue(ctx: GenContext, id: number, number: number, createdMs: number): Draft {
  const { rng } = ctx;
  const issue = baseIssue(ctx, id, number, issueTitle(rng), issueBody(rng));
  issue.node_id = nodeId('I', ctx.repoId, id);
  let updatedMs = clampMs(createdMs + (rng.chance(0.5) ? rng.int(0, 72) * HOUR_MS : 0));
  let closedMs: number | null = null;
  if (rng.chance(0.4)) {
    closedMs = clampMs(createdMs + rng.int(1, 30 * 24) * HOUR_MS);
    const r = rng.next();
    const reason: StateReason = r < 0.7 ? 'completed' : r < 0.95 ? 'not_planned' : 'duplicate';
    issue.state = 'closed';
    issue.state_reason = reason;
    issue.closed_by = rng.pick(MEMBER_LOGINS);
    updatedMs = Math.max(updatedMs, closedMs);
  } else if (rng.chance(0.06)) {
    issue.state_reason = 'reopened';
    updatedMs = Math.max(updatedMs, clampMs(createdMs + rng.int(2, 40) * DAY_MS));
  }
  return { issue, createdMs, updatedMs, closedMs, mergedMs: null, closes: null };
}

export function draftPull(
  ctx: GenContext,
  id: number,
  number: number,
  createdMs: number,
  closes: number | null,
): Draft {
  const { rng } = ctx;
  const issue = baseIssue(ctx, id, number, pullTitle(rng), pullBody(rng, closes));
  issue.node_id = nodeId('PR', ctx.repoId, id);
  issue.milestone = null;
  const r = rng.next();
  const merged = r < 0.55;
  const closed = merged || r < 0.7;
  const draft = !closed && rng.chance(0.2);
  let closedMs: number | null = null;
  let mergedMs: number | null = null;
  if (closed) {
    closedMs = clampMs(createdMs + rng.int(1, 14 * 24) * HOUR_MS);
    if (merged) mergedMs = closedMs;
    issue.state = 'closed';
    issue.closed_by = merged ? rng.pick(MEMBER_LOGINS) : issue.user;
  }
  const headRef = closes !== null ? `fix/issue-${closes}` : `feature/${rng.hex(6)}`;
  const pull: SimPullData = {
    draft,
    merged,
    merged_at: null,
    merged_by: merged ? issue.closed_by : null,
    mergeable_state: closed
      ? 'unknown'
      : draft
        ? 'draft'
        : rng.pick(['clean', 'clean', 'unstable', 'dirty', 'blocked']),
    head_ref: headRef,
    head_sha: rng.hex(40),
    head_repo: rng.chance(0.15) ? `${issue.user}/${ctx.repoFullName.split('/')[1] ?? ''}` : ctx.repoFullName,
    base_ref: ctx.defaultBranch,
    base_sha: ctx.defaultBranchSha,
    requested_reviewers: closed ? [] : rng.sample(MEMBER_LOGINS, rng.int(0, 2)),
    additions: rng.int(1, 400),
    deletions: rng.int(0, 200),
    changed_files: rng.int(1, 12),
    commits: rng.int(1, 8),
  };
  issue.pull = pull;
  const updatedMs = Math.max(clampMs(createdMs + rng.int(0, 48) * HOUR_MS), closedMs ?? 0);
  return { issue, createdMs, updatedMs, closedMs, mergedMs, closes };
}

/** Writes the ms times of a draft into its ISO fields. */
export function finishDraft(draft: Draft): SimIssue {
  const { issue } = draft;
  issue.created_at = isoSeconds(draft.createdMs);
  issue.updated_at = isoSeconds(draft.updatedMs);
  issue.closed_at = draft.closedMs === null ? null : isoSeconds(draft.closedMs);
  if (issue.pull) issue.pull.merged_at = draft.mergedMs === null ? null : isoSeconds(draft.mergedMs);
  return issue;
}
