import type { IssueApplyResult, IssueSnapshot, LinkedIssueRow } from './issue-event.types.js';
import { issueKeyOf } from './issue-batch-sql.js';
import type { IssueFieldsWrite, LinkWrite } from './issue-writes.js';
import { sameSet } from '#libs/issues';
import type { RepositorySyncScope } from './issue-sync-store.types.js';

/** One repository sync an event's issue applies to. */
export interface BatchIssueTarget {
  scope: RepositorySyncScope;
  snapshot: IssueSnapshot;
}

/** Per event: one result per target (in target order), or `deferred` when an issue is not linked yet. */
export type BatchIssueResult = IssueApplyResult[] | 'deferred';

export interface BatchIssuePlan {
  results: BatchIssueResult[];
  issues: IssueFieldsWrite[];
  links: LinkWrite[];
  /** Labels the single-event path would have made sure of (`ensureLabels`), per project. */
  labelNames: { scope: RepositorySyncScope; name: string }[];
  /** Issues whose label set was replaced, with their final set. */
  labelSets: { issueId: string; scope: RepositorySyncScope; names: string[] }[];
  assigneeSets: { issueId: string; logins: string[] }[];
}

interface Application {
  event: number;
  target: number;
  snapshot: IssueSnapshot;
}

/**
 * Decides a batch of snapshots against the links read under the issues' locks, exactly as
 * `applySnapshot` would one event after the other, in this order per issue: newest GitHub `updated_at`
 * first (ties: arrival order). The jobs of a batch ran concurrently, so any order is one the single-event
 * path could have taken; newest first makes every older snapshot of the batch 'stale' (it changes
 * nothing), as it would be when applied after the newer one. Deleted issue → 'deleted'; older than the
 * stored or previously applied view → 'stale'; same content hash and milestone → 'unchanged'; else
 * 'updated'. Only the final state of each issue is written. An event with an issue not linked yet is
 * `deferred` whole (it creates the issue on the single-event path).
 */
export function planIssueBatch(
  events: BatchIssueTarget[][],
  links: ReadonlyMap<string, LinkedIssueRow>,
): BatchIssuePlan {
  const linkOf = (t: BatchIssueTarget) =>
    links.get(issueKeyOf({ repositorySyncId: t.scope.id, number: t.snapshot.number }));
  const results: BatchIssueResult[] = events.map((targets) =>
    targets.every((t) => linkOf(t) !== undefined) ? new Array<IssueApplyResult>(targets.length) : 'deferred',
  );
  const byIssue = new Map<
    string,
    { scope: RepositorySyncScope; link: LinkedIssueRow; apps: Application[] }
  >();
  events.forEach((targets, event) => {
    if (results[event] === 'deferred') return;
    targets.forEach((t, target) => {
      const key = issueKeyOf({ repositorySyncId: t.scope.id, number: t.snapshot.number });
      const group = byIssue.get(key) ?? { scope: t.scope, link: linkOf(t)!, apps: [] };
      group.apps.push({ event, target, snapshot: t.snapshot });
      byIssue.set(key, group);
    });
  });
  const plan: BatchIssuePlan = {
    results,
    issues: [],
    links: [],
    labelNames: [],
    labelSets: [],
    assigneeSets: [],
  };
  for (const group of byIssue.values()) planIssue(plan, group.scope, group.link, group.apps);
  return plan;
}

function planIssue(
  plan: BatchIssuePlan,
  scope: RepositorySyncScope,
  link: LinkedIssueRow,
  apps: Application[],
) {
  const ref = { issueId: link.issueId, issueSyncId: link.id };
  const ordered = apps
    .map((app, arrival) => ({ app, arrival }))
    .sort(
      (a, b) =>
        b.app.snapshot.updatedAt.getTime() - a.app.snapshot.updatedAt.getTime() || a.arrival - b.arrival,
    )
    .map(({ app }) => app);
  const state = { ...link };
  let fields: IssueSnapshot | undefined;
  let linkView: IssueSnapshot | undefined;
  let githubId: bigint | null = null;
  let labelsReplaced = false;
  let assigneesReplaced = false;
  for (const { event, target, snapshot } of ordered) {
    const outcome = snapshotOutcome(state, snapshot);
    (plan.results[event] as IssueApplyResult[])[target] = { outcome, link: ref };
    if (outcome === 'updated') {
      fields = snapshot;
      state.contentHash = snapshot.contentHash;
      state.milestone = snapshot.milestone;
      if (!sameSet(state.labels, snapshot.labels)) {
        state.labels = [...new Set(snapshot.labels)];
        labelsReplaced = true;
        for (const name of state.labels) plan.labelNames.push({ scope, name });
      }
      if (!sameSet(state.assignees, snapshot.assignees)) {
        state.assignees = [...new Set(snapshot.assignees)];
        assigneesReplaced = true;
      }
    }
    if (outcome === 'updated' || (outcome === 'unchanged' && moved(state, snapshot))) {
      linkView = snapshot;
      githubId = snapshot.githubId ?? githubId;
      state.githubUpdatedAt = snapshot.updatedAt;
    }
  }
  if (fields) {
    plan.issues.push({
      issueId: link.issueId,
      title: fields.title,
      body: fields.body,
      state: fields.state,
      milestone: fields.milestone,
      updatedAt: fields.updatedAt,
      closedAt: fields.closedAt,
    });
  }
  if (labelsReplaced) plan.labelSets.push({ issueId: link.issueId, scope, names: state.labels });
  if (assigneesReplaced) plan.assigneeSets.push({ issueId: link.issueId, logins: state.assignees });
  if (linkView) {
    plan.links.push({
      linkId: link.id,
      contentHash: linkView.contentHash,
      updatedAt: linkView.updatedAt,
      url: linkView.url,
      githubId,
    });
  }
}

/**
 * What applying `snapshot` to the issue as stored would do — the one rule of single and batched webhook
 * writes: a deleted issue stays deleted, an older snapshot is stale, a changed content hash or milestone
 * updates, anything else is unchanged.
 */
export function snapshotOutcome(
  state: Pick<LinkedIssueRow, 'deletedAt' | 'githubUpdatedAt' | 'contentHash' | 'milestone'>,
  snapshot: IssueSnapshot,
): Exclude<IssueApplyResult['outcome'], 'created'> {
  if (state.deletedAt) return 'deleted';
  if (snapshot.updatedAt.getTime() < state.githubUpdatedAt.getTime()) return 'stale';
  const changed = state.contentHash !== snapshot.contentHash || state.milestone !== snapshot.milestone;
  return changed ? 'updated' : 'unchanged';
}

function moved(state: LinkedIssueRow, snapshot: IssueSnapshot): boolean {
  return state.githubUpdatedAt.getTime() !== snapshot.updatedAt.getTime();
}
