import type { RepositorySyncWithRepo } from '#libs/db';
import type { IssueCreateArgs, IssueUpdateArgs } from '#libs/github-mcp';
import {
  githubSideState,
  type GitHubSideState,
  type LocalIssueFields,
  type OutboundField,
} from '#libs/issues';

export interface OutboundWarning {
  kind:
    | 'milestone_unknown'
    | 'milestone_not_clearable'
    | 'body_not_clearable'
    | 'assignees_rejected'
    | 'comment_edit_not_writable';
  message: string;
  [key: string]: unknown;
}

/** GitHub milestone number for a title, from the repository sync's `milestone_numbers` (case-insensitive). */
export function milestoneNumber(repoSync: RepositorySyncWithRepo, title: string): number | undefined {
  const map = (repoSync.milestoneNumbers ?? {}) as Record<string, unknown>;
  const wanted = title.trim().toLowerCase();
  for (const [key, value] of Object.entries(map)) {
    if (
      key.trim().toLowerCase() === wanted &&
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value > 0
    ) {
      return value;
    }
  }
  return undefined;
}

export function stateArgs(state: GitHubSideState): Pick<IssueUpdateArgs, 'state' | 'state_reason'> {
  if (state === 'open') return { state: 'open' };
  return { state: 'closed', state_reason: state === 'closed:not_planned' ? 'not_planned' : 'completed' };
}

/**
 * issue_write create of a local issue. GitHub creates issues open (state is ignored on create), so a
 * closed local issue keeps `state` unwritten and the update that follows closes it.
 */
export function createArgs(
  repoSync: RepositorySyncWithRepo,
  local: LocalIssueFields,
  warnings: OutboundWarning[],
  options: { withAssignees: boolean },
): { args: IssueCreateArgs; handled: OutboundField[] } {
  const args: IssueCreateArgs = {
    method: 'create',
    owner: repoSync.repository.owner,
    repo: repoSync.repository.name,
    title: local.title,
    body: local.description,
    labels: local.labels,
    ...(options.withAssignees ? { assignees: local.assignees } : {}),
  };
  if (local.milestone !== null) {
    const number = milestoneNumber(repoSync, local.milestone);
    if (number !== undefined) args.milestone = number;
    else warnings.push(unknownMilestone(local.milestone));
  }
  const handled: OutboundField[] = ['title', 'description', 'labels', 'assignees', 'milestone'];
  if (githubSideState(local.state) === 'open') handled.push('state');
  return { args, handled };
}

/**
 * issue_write update of the given fields (only what changed locally is sent, so text the server stripped
 * from what it shows is never written back over GitHub's real text). `state` also covers a state change
 * still owed from a partial write.
 */
export function updateArgs(
  repoSync: RepositorySyncWithRepo,
  number: number,
  local: LocalIssueFields,
  fields: readonly OutboundField[],
  pendingState: GitHubSideState | null,
  warnings: OutboundWarning[],
): { args: IssueUpdateArgs; sent: OutboundField[]; state: GitHubSideState | null } {
  const args: IssueUpdateArgs = {
    method: 'update',
    owner: repoSync.repository.owner,
    repo: repoSync.repository.name,
    issue_number: number,
  };
  const sent: OutboundField[] = [];
  for (const field of fields) {
    if (field === 'title' && local.title.trim() !== '') {
      args.title = local.title;
      sent.push(field);
    } else if (field === 'description') {
      if (local.description === '') {
        warnings.push({
          kind: 'body_not_clearable',
          message: 'issue_write cannot empty an issue body: GitHub keeps its body',
        });
      } else {
        args.body = local.description;
        sent.push(field);
      }
    } else if (field === 'labels') {
      args.labels = local.labels;
      sent.push(field);
    } else if (field === 'assignees') {
      args.assignees = local.assignees;
      sent.push(field);
    } else if (field === 'milestone') {
      if (local.milestone === null) {
        warnings.push({ kind: 'milestone_not_clearable', message: 'issue_write cannot remove a milestone' });
      } else {
        const milestone = milestoneNumber(repoSync, local.milestone);
        if (milestone === undefined) warnings.push(unknownMilestone(local.milestone));
        else {
          args.milestone = milestone;
          sent.push(field);
        }
      }
    }
  }
  const state = fields.includes('state') ? githubSideState(local.state) : pendingState;
  if (state) Object.assign(args, stateArgs(state));
  return { args, sent, state };
}

function unknownMilestone(title: string): OutboundWarning {
  return {
    kind: 'milestone_unknown',
    message: `milestone "${title}" has no GitHub number in the repository's milestone_numbers: not written`,
    milestone: title,
  };
}
