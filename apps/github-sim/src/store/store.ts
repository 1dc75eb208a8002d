/**
 * The simulator's in-memory GitHub: users, tokens, repositories and their records. Every data
 * change goes through the mutation methods below, which emit one typed `SimEvent` each through
 * `emit` (the single place webhook delivery hooks into).
 */
import { generateDataset, ownerUsers } from '../generator/dataset.js';
import type { IdCounters } from '../generator/ids.js';
import { initialCounters } from '../generator/ids.js';
import { generateRepoData } from '../generator/repo.js';
import { makeUser } from '../generator/users.js';
import { SimClock } from '../util/ids.js';
import { addReaction, createComment, deleteComment, updateComment } from './comment-mutations.js';
import { StoreError, notFound } from './errors.js';
import type { SimEvent, SimEventInput, SimEventListener } from './events.js';
import type { MutationHost } from './host.js';
import { createIssue, deleteIssue, updateIssue } from './issue-mutations.js';
import type { IssueInput, IssuePatch } from './issue-mutations.js';
import { createPullRequest, mergePullRequest } from './pull-mutations.js';
import type { PullRequestInput } from './pull-mutations.js';
import { RepoState } from './repo-state.js';
import { SearchIndex } from '../search/search-index.js';
import type {
  Dataset,
  ReactionContent,
  RepoData,
  RepoSpec,
  SimComment,
  SimIssue,
  SimReaction,
  SimUser,
} from './types.js';

export interface SimStoreOptions {
  /** Wall clock in ms; mutations stamp `max(clock(), previous + 1 s)`. Default `Date.now`. */
  clock?: () => number;
  /** How many recent events `recentEvents()` keeps (default 1000). */
  eventLogSize?: number;
  /** Wall clock of the search index lag and the search rate window (default `Date.now`). */
  searchClock?: () => number;
}

export class SimStore implements MutationHost {
  readonly clock: SimClock;
  counters: IdCounters = initialCounters();
  seed = 0;
  /** Specs of the generated repositories (used by `reset` without repos). */
  specs: RepoSpec[] = [];
  private users = new Map<string, SimUser>();
  private tokens = new Map<string, string>();
  private repos = new Map<string, RepoState>();
  private listeners = new Set<SimEventListener>();
  private eventLog: SimEvent[] = [];
  private seq = 0;
  private readonly eventLogSize: number;
  /** The search index and search bucket behind `search_issues`. */
  readonly search: SearchIndex;

  constructor(options: SimStoreOptions = {}) {
    this.clock = new SimClock(options.clock);
    this.search = new SearchIndex(
      () => this.allRepos(),
      (event) => this.repos.get(event.repo.full_name.toLowerCase()),
      options.searchClock,
    );
    this.eventLogSize = options.eventLogSize ?? 1000;
  }

  /** Replaces all users and repositories with a generated dataset (tokens are kept). */
  reset(options: { seed: number; repos: RepoSpec[] }): Dataset {
    this.counters = initialCounters();
    const dataset = generateDataset(options, this.counters);
    this.load(dataset);
    this.specs = options.repos.map((spec) => ({ ...spec }));
    return dataset;
  }

  /** Replaces all users and repositories with `dataset` (tokens are kept). */
  load(dataset: Dataset): void {
    const tokenUsers = [...this.tokens.values()]
      .map((login) => this.users.get(login))
      .filter((u) => u !== undefined);
    this.seed = dataset.seed;
    this.users = new Map();
    this.repos = new Map();
    for (const user of [...tokenUsers, ...dataset.users]) this.users.set(user.login.toLowerCase(), user);
    for (const data of dataset.repos) this.addRepoData(data);
  }

  /** Generates and adds one repository (ids continue after the existing ones). */
  addRepo(spec: RepoSpec, seed = this.seed): RepoState {
    if (this.repo(spec.owner, spec.name))
      throw new StoreError('conflict', `repository ${spec.owner}/${spec.name} exists`);
    for (const owner of ownerUsers([spec], [...this.users.values()]))
      this.users.set(owner.login.toLowerCase(), owner);
    return this.addRepoData(generateRepoData(spec, seed, this.counters));
  }

  addRepoData(data: RepoData): RepoState {
    const state = new RepoState(data);
    this.repos.set(data.repo.full_name.toLowerCase(), state);
    for (const issue of data.issues) this.clock.advancePast(issue.updated_at);
    for (const comment of data.comments) this.clock.advancePast(comment.updated_at);
    return state;
  }

  repo(owner: string, name: string): RepoState | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  requireRepo(owner: string, name: string): RepoState {
    const state = this.repo(owner, name);
    if (!state) throw notFound(`repository ${owner}/${name}`);
    return state;
  }

  allRepos(): RepoState[] {
    return [...this.repos.values()];
  }

  findUser(login: string): SimUser | undefined {
    return this.users.get(login.toLowerCase());
  }

  ensureUser(login: string): SimUser {
    const existing = this.findUser(login);
    if (existing) return existing;
    const user = makeUser(login);
    this.users.set(login.toLowerCase(), user);
    return user;
  }

  allUsers(): SimUser[] {
    return [...this.users.values()];
  }

  /** Registers `token` for `login` (creating the user when needed). */
  registerToken(token: string, login: string): SimUser {
    const user = this.ensureUser(login);
    this.tokens.set(token, user.login.toLowerCase());
    return user;
  }

  revokeToken(token: string): boolean {
    return this.tokens.delete(token);
  }

  userForToken(token: string): SimUser | undefined {
    const login = this.tokens.get(token);
    return login === undefined ? undefined : this.users.get(login);
  }

  /** Public repositories are visible to everyone, private ones to the owner and collaborators. */
  canRead(user: SimUser, state: RepoState): boolean {
    if (!state.repo.private) return true;
    const login = user.login.toLowerCase();
    return (
      state.repo.owner.toLowerCase() === login ||
      state.repo.collaborators.some((c) => c.toLowerCase() === login)
    );
  }

  onEvent(listener: SimEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  recentEvents(): SimEvent[] {
    return [...this.eventLog];
  }

  emit(input: SimEventInput): void {
    const event: SimEvent = structuredClone({ ...input, seq: ++this.seq });
    this.eventLog.push(event);
    if (this.eventLog.length > this.eventLogSize)
      this.eventLog.splice(0, this.eventLog.length - this.eventLogSize);
    this.search.record(event);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener must not break the mutation that triggered it.
      }
    }
  }

  createIssue(state: RepoState, input: IssueInput, actor: SimUser): SimIssue {
    return createIssue(this, state, input, actor);
  }

  updateIssue(state: RepoState, issueNumber: number, patch: IssuePatch, actor: SimUser): SimIssue {
    return updateIssue(this, state, issueNumber, patch, actor);
  }

  deleteIssue(state: RepoState, issueNumber: number, actor: SimUser): SimIssue {
    return deleteIssue(this, state, issueNumber, actor);
  }

  createPullRequest(state: RepoState, input: PullRequestInput, actor: SimUser): SimIssue {
    return createPullRequest(this, state, input, actor);
  }

  mergePullRequest(state: RepoState, pullNumber: number, actor: SimUser): SimIssue {
    return mergePullRequest(this, state, pullNumber, actor);
  }

  createComment(state: RepoState, issueNumber: number, body: string, actor: SimUser): SimComment {
    return createComment(this, state, issueNumber, body, actor);
  }

  updateComment(state: RepoState, commentId: number, body: string, actor: SimUser): SimComment {
    return updateComment(this, state, commentId, body, actor);
  }

  deleteComment(state: RepoState, commentId: number, actor: SimUser): SimComment {
    return deleteComment(this, state, commentId, actor);
  }

  addReaction(
    state: RepoState,
    target: { issueNumber: number; commentId?: number },
    content: ReactionContent,
    actor: SimUser,
  ): SimReaction {
    return addReaction(this, state, target, content, actor);
  }
}
