/** `POST /_admin/webhooks/send`: GitHub events the store has no mutation for (pull requests, repository …). */
import { DEFAULT_ADMIN_ACTOR } from '../http/admin-common.js';
import { BadRequest } from '../http/admin-validate.js';
import { notFound } from '../store/errors.js';
import type { SimStore } from '../store/store.js';
import type { OutgoingEvent } from './event-payloads.js';
import { simpleUser } from './payloads/common.js';
import { issueObject } from './payloads/issue.js';
import { pullRequestObject } from './payloads/pull-request.js';
import { repositoryObject } from './payloads/repository.js';

export interface CustomEventInput {
  event: string;
  action?: string | undefined;
  /** `owner/name`: adds the repository object. */
  repository?: string | undefined;
  /** With `pull_request`/`issues`: the item of that number, as it is in the store now. */
  number?: number | undefined;
  /** Login of the sender (default `mona`). */
  sender?: string | undefined;
  /** Merged over the built payload (objects one level deep), e.g. `{pull_request: {merged: true}}`. */
  payload?: Record<string, unknown> | undefined;
}

export function customEvent(store: SimStore, input: CustomEventInput): OutgoingEvent {
  if (!/^[a-z_]{1,64}$/.test(input.event)) throw new BadRequest('event must be a GitHub event name');
  const payload: Record<string, unknown> = input.action ? { action: input.action } : {};
  const state = input.repository ? repoState(store, input.repository) : undefined;
  if (state && input.number !== undefined) {
    const item = state.items.get(input.number);
    if (!item) throw notFound(`item ${state.fullName}#${input.number}`);
    if (input.event === 'pull_request') {
      if (!item.pull) throw new BadRequest(`#${input.number} is not a pull request`);
      payload['number'] = item.number;
      payload['pull_request'] = pullRequestObject(store, state, item, item.pull);
    } else {
      payload['issue'] = issueObject(store, state, item);
    }
  }
  if (state) payload['repository'] = repositoryObject(store, state.repo);
  payload['sender'] = simpleUser(store.ensureUser(input.sender ?? DEFAULT_ADMIN_ACTOR));
  for (const [key, value] of Object.entries(input.payload ?? {})) {
    const current = payload[key];
    payload[key] = isObject(current) && isObject(value) ? { ...current, ...value } : value;
  }
  return { event: input.event, action: input.action, payload };
}

function repoState(store: SimStore, fullName: string) {
  const [owner, name] = fullName.split('/');
  if (!owner || !name) throw new BadRequest('repository must look like "owner/name"');
  return store.requireRepo(owner, name);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
