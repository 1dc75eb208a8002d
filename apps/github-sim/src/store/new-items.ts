/** New issues and pull requests: what GitHub fills in for every new one. */
import { nextId } from '../generator/ids.js';
import { nodeId } from '../util/ids.js';
import type { MutationHost } from './host.js';
import type { RepoState } from './repo-state.js';
import type { SimIssue, SimPullData, SimUser } from './types.js';
import { emptyReactions } from './types.js';

/** What differs between new issues and new pull requests (`kind` is the node id's prefix). */
export interface NewItem {
  kind: 'I' | 'PR';
  title: string;
  body: string | undefined;
  labels: string[];
  assignees: string[];
  milestone: number | null;
  /** The pull request's data, given its id; null for an issue. */
  pull: (id: number) => SimPullData | null;
}

/** Stores a new open issue or pull request as GitHub fills one in, and emits `issue.opened` for it. */
export function openItem(host: MutationHost, state: RepoState, actor: SimUser, item: NewItem): SimIssue {
  const id = nextId(host.counters, 'issue');
  const now = host.clock.now();
  const issue: SimIssue = {
    id,
    node_id: nodeId(item.kind, state.repo.id, id),
    number: state.allocateNumber(),
    title: item.title,
    body: item.body ?? '',
    state: 'open',
    state_reason: null,
    user: actor.login,
    labels: item.labels,
    assignees: item.assignees,
    milestone: item.milestone,
    locked: false,
    comments: 0,
    reactions: emptyReactions(),
    created_at: now,
    updated_at: now,
    closed_at: null,
    closed_by: null,
    pull: item.pull(id),
  };
  state.items.set(issue.number, issue);
  state.touch();
  host.emit({ type: 'issue.opened', at: now, repo: state.repo, sender: actor, issue });
  return issue;
}
