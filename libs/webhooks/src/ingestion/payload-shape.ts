import { ValidationError } from '#libs/common';

/**
 * The signature covers the body, not `X-GitHub-Event`: a captured signed body re-sent under another event
 * name must not reach that event's handler. For the events that change data, the payload must have the
 * shape GitHub gives that event — its own objects, an action of its set — and none of the objects that mark
 * another handled event (an `issues` body has `repository` and may say `deleted`, but it carries `issue`).
 * Other events are stored and ignored, whatever their shape.
 */
interface EventShape {
  /** Top-level objects the event always carries. */
  requires: readonly string[];
  /** Top-level keys that belong to other handled events. */
  refuses: readonly string[];
  /** The event's actions (GitHub's "Webhook events and payloads"). */
  actions: ReadonlySet<string>;
}

const ISSUE_ACTIONS = [
  'assigned',
  'closed',
  'deleted',
  'demilestoned',
  'edited',
  'labeled',
  'locked',
  'milestoned',
  'opened',
  'pinned',
  'reopened',
  'transferred',
  'typed',
  'unassigned',
  'unlabeled',
  'unlocked',
  'unpinned',
  'untyped',
];
const PULL_REQUEST_ACTIONS = [
  'assigned',
  'auto_merge_disabled',
  'auto_merge_enabled',
  'closed',
  'converted_to_draft',
  'demilestoned',
  'dequeued',
  'edited',
  'enqueued',
  'labeled',
  'locked',
  'milestoned',
  'opened',
  'ready_for_review',
  'reopened',
  'review_request_removed',
  'review_requested',
  'synchronize',
  'unassigned',
  'unlabeled',
  'unlocked',
];
const REPOSITORY_ACTIONS = [
  'archived',
  'created',
  'deleted',
  'edited',
  'privatized',
  'publicized',
  'renamed',
  'transferred',
  'unarchived',
];
const INSTALLATION_ACTIONS = ['created', 'deleted', 'new_permissions_accepted', 'suspend', 'unsuspend'];

const shape = (requires: string[], refuses: string[], actions: string[]): EventShape => ({
  requires,
  refuses,
  actions: new Set(actions),
});

const SHAPES: ReadonlyMap<string, EventShape> = new Map([
  ['issues', shape(['issue', 'repository'], ['comment', 'pull_request'], ISSUE_ACTIONS)],
  [
    'issue_comment',
    shape(['comment', 'issue', 'repository'], ['pull_request'], ['created', 'edited', 'deleted']),
  ],
  ['pull_request', shape(['pull_request', 'repository'], ['issue', 'comment'], PULL_REQUEST_ACTIONS)],
  ['repository', shape(['repository'], ['issue', 'comment', 'pull_request'], REPOSITORY_ACTIONS)],
  [
    'installation',
    shape(['installation'], ['repository', 'issue', 'comment', 'pull_request'], INSTALLATION_ACTIONS),
  ],
  [
    'installation_repositories',
    shape(['installation'], ['repository', 'issue', 'comment', 'pull_request'], ['added', 'removed']),
  ],
]);

/** 400 naming the body when the payload is not the shape of `event` (see above). */
export function requireEventShape(event: string, payload: Record<string, unknown>): void {
  const expected = SHAPES.get(event);
  if (!expected) return;
  const refuse = (why: string): never => {
    throw new ValidationError(`request body is not a ${event} payload: ${why}`, 'body');
  };
  const action = payload['action'];
  if (typeof action !== 'string' || !expected.actions.has(action)) {
    refuse(
      `action ${typeof action === 'string' ? `"${action.slice(0, 50)}"` : 'missing'} is not one of its actions`,
    );
  }
  for (const key of expected.requires) {
    const value = payload[key];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) refuse(`${key} is missing`);
  }
  for (const key of expected.refuses) if (key in payload) refuse(`it carries ${key}`);
  if (
    event === 'installation' &&
    !isObject((payload['installation'] as Record<string, unknown>)['account'])
  ) {
    refuse('installation.account is missing');
  }
  if (
    event === 'installation_repositories' &&
    !Array.isArray(payload['repositories_added']) &&
    !Array.isArray(payload['repositories_removed'])
  ) {
    refuse('repositories_added and repositories_removed are missing');
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
