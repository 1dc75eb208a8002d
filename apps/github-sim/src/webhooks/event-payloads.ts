/** SimStore events → GitHub webhook deliveries (event name, action, payload without `installation`). */
import type { SimEvent } from '../store/events.js';
import type { SimStore } from '../store/store.js';
import { simpleUser } from './payloads/common.js';
import { commentObject, issueObject, labelObject } from './payloads/issue.js';
import { pullRequestObject } from './payloads/pull-request.js';
import { repositoryObject } from './payloads/repository.js';

export interface OutgoingEvent {
  /** `X-GitHub-Event`. */
  event: string;
  action: string | undefined;
  payload: Record<string, unknown>;
}

/**
 * Maps one store event. Issue events of a pull request become `pull_request` events (GitHub sends no
 * `issues` event for pull requests); comments on pull requests stay `issue_comment`. Reactions send nothing.
 */
export function toOutgoingEvent(store: SimStore, event: SimEvent): OutgoingEvent | undefined {
  const state = store.repo(event.repo.owner, event.repo.name);
  if (!state || !event.issue) return undefined;
  const [kind, action] = event.type.split('.') as [string, string];
  const envelope = { repository: repositoryObject(store, event.repo), sender: simpleUser(event.sender) };
  if (kind === 'comment') {
    if (!event.comment) return undefined;
    const changes = event.changes?.body ? { changes: { body: event.changes.body } } : {};
    return {
      event: 'issue_comment',
      action,
      payload: {
        action,
        issue: issueObject(store, state, event.issue),
        comment: commentObject(store, state, event.comment),
        ...changes,
        ...envelope,
      },
    };
  }
  if (kind !== 'issue') return undefined;
  const extra: Record<string, unknown> = {};
  if (event.label) extra['label'] = labelObject(event.repo, event.label);
  if (event.assignee) extra['assignee'] = simpleUser(event.assignee);
  if (action === 'edited') extra['changes'] = event.changes ?? {};
  if (event.issue.pull) {
    const pull = event.issue.pull;
    return {
      event: 'pull_request',
      action,
      payload: {
        action,
        number: event.issue.number,
        pull_request: pullRequestObject(store, state, event.issue, pull),
        ...extra,
        ...envelope,
      },
    };
  }
  return {
    event: 'issues',
    action,
    payload: { action, issue: issueObject(store, state, event.issue), ...extra, ...envelope },
  };
}
