/** Pull request creation and merge (tests and the demo move GitHub's pull requests with these). */
import { createHash } from 'node:crypto';
import { StoreError } from './errors.js';
import type { MutationHost } from './host.js';
import { requireIssue, updateIssue } from './issue-mutations.js';
import { openItem } from './new-items.js';
import type { RepoState } from './repo-state.js';
import type { SimIssue, SimUser } from './types.js';

export interface PullRequestInput {
  title: string;
  body?: string;
  head: string;
  /** Default: the repository's default branch. */
  base?: string;
  draft?: boolean;
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Opens a pull request; emits `issue.opened` for it (webhooks send it as `pull_request` opened). */
export function createPullRequest(
  host: MutationHost,
  state: RepoState,
  input: PullRequestInput,
  actor: SimUser,
): SimIssue {
  const base = input.base ?? state.repo.default_branch;
  return openItem(host, state, actor, {
    kind: 'PR',
    title: input.title,
    body: input.body,
    labels: [],
    assignees: [],
    milestone: null,
    pull: (id) => ({
      draft: input.draft ?? false,
      merged: false,
      merged_at: null,
      merged_by: null,
      mergeable_state: input.draft ? 'draft' : 'clean',
      head_ref: input.head,
      head_sha: sha(`${state.fullName}:${input.head}:${id}`),
      head_repo: state.fullName,
      base_ref: base,
      base_sha:
        base === state.repo.default_branch ? state.repo.default_branch_sha : sha(`${state.fullName}:${base}`),
      requested_reviewers: [],
      additions: 1,
      deletions: 0,
      changed_files: 1,
      commits: 1,
    }),
  });
}

/**
 * Merges an open pull request (`issue.closed` with `pull.merged`). As on GitHub, a merge into the
 * default branch closes the issues its body references with a closing keyword; one into another
 * branch does not.
 */
export function mergePullRequest(
  host: MutationHost,
  state: RepoState,
  number: number,
  actor: SimUser,
): SimIssue {
  const pr = requireIssue(state, number);
  if (!pr.pull) throw new StoreError('validation', `#${number} is not a pull request`);
  if (pr.state !== 'open') throw new StoreError('validation', 'Pull Request is not mergeable');
  const now = host.clock.now();
  pr.state = 'closed';
  pr.closed_at = now;
  pr.closed_by = actor.login;
  pr.updated_at = now;
  pr.pull.merged = true;
  pr.pull.merged_at = now;
  pr.pull.merged_by = actor.login;
  pr.pull.mergeable_state = 'unknown';
  state.touch();
  host.emit({ type: 'issue.closed', at: now, repo: state.repo, sender: actor, issue: pr });
  if (pr.pull.base_ref === state.repo.default_branch) {
    for (const target of state.issuesClosedBy(pr)) {
      if (target.state === 'open')
        updateIssue(host, state, target.number, { state: 'closed', state_reason: 'completed' }, actor);
    }
  }
  return pr;
}
