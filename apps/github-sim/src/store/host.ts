/** What mutation functions need from the store. */
import type { IdCounters } from '../generator/ids.js';
import type { SimClock } from '../util/ids.js';
import type { SimEventInput } from './events.js';
import type { SimUser } from './types.js';

export interface MutationHost {
  readonly clock: SimClock;
  readonly counters: IdCounters;
  emit(event: SimEventInput): void;
  /** The user with this login, created (as a plain user) when unknown. */
  ensureUser(login: string): SimUser;
  findUser(login: string): SimUser | undefined;
}
