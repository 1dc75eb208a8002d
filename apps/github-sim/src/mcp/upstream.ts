/**
 * Gateway for the simulated GitHub API calls of one tool call: checks the token (401 Bad
 * credentials) and injects the call's fault (error / rate limit) at the first API request,
 * in the shape the real API would fail with.
 */
import type { TokenType } from '../http/auth.js';
import { type ServerProfile, type SimText, simText } from './profile.js';
import type { ActiveFault } from '../faults/fault-controller.js';
import type { RepoState } from '../store/repo-state.js';
import type { SimStore } from '../store/store.js';
import type { SimUser } from '../store/types.js';
import type { GraphqlFailure, GraphqlHttpFailure, RestFailure } from './upstream-errors.js';
import { restFailure } from './upstream-errors.js';

const GRAPHQL_BAD_CREDENTIALS =
  '{"message":"Bad credentials","documentation_url":"https://docs.github.com/graphql","status":"401"}';
const GRAPHQL_ERROR =
  'Something went wrong while executing your query. Please include `0400:3A3F:1B2C3D:4E5F60:6A7B8C9D` when reporting this issue.';

export class Upstream {
  private fault: ActiveFault | undefined;

  /** How this server renders titles and bodies. */
  readonly text: SimText;

  constructor(
    readonly store: SimStore,
    private readonly tokenUser: SimUser | undefined,
    fault: ActiveFault | undefined,
    /** Which server the simulator plays (text encoding, optional tools, structured results). */
    readonly profile: ServerProfile,
    /** The kind of token the request authenticated with. */
    readonly tokenType: TokenType,
  ) {
    this.text = simText(profile);
    this.fault = fault?.mode === 'error' || fault?.mode === 'rate_limit' ? fault : undefined;
  }

  /** The authenticated user; only valid after a successful `rest`/`graphql` check. */
  get user(): SimUser {
    if (!this.tokenUser) throw new Error('no authenticated user');
    return this.tokenUser;
  }

  /** The call's fault, at its first request (of the rule's `api`, when it names one). */
  private takeFault(api: 'rest' | 'graphql'): ActiveFault | undefined {
    const fault = this.fault;
    if (fault?.api !== undefined && fault.api !== api) return undefined;
    this.fault = undefined;
    return fault;
  }

  /** Checks a REST request (`path` includes any query string); a failure to report, or undefined. */
  rest(method: string, path: string): RestFailure | undefined {
    if (!this.tokenUser) return restFailure(method, path, 401, 'Bad credentials');
    const fault = this.takeFault('rest');
    if (!fault) return undefined;
    if (fault.mode === 'rate_limit') {
      const message = fault.message ?? `API rate limit exceeded for user ID ${this.tokenUser.id}.`;
      return { ...restFailure(method, path, 403, message), rateLimitResetIn: fault.resetInSeconds };
    }
    return restFailure(method, path, fault.status ?? 500, fault.message ?? 'Server Error');
  }

  /** Checks a GraphQL request; a failure to report, or undefined. */
  graphql(): GraphqlFailure | GraphqlHttpFailure | undefined {
    if (!this.tokenUser) {
      return { kind: 'graphql_http', status: 401, statusText: 'Unauthorized', body: GRAPHQL_BAD_CREDENTIALS };
    }
    const fault = this.takeFault('graphql');
    if (!fault) return undefined;
    if (fault.mode === 'rate_limit') {
      return {
        kind: 'graphql',
        message: fault.message ?? `API rate limit exceeded for user ID ${this.tokenUser.id}.`,
      };
    }
    return { kind: 'graphql', message: fault.message ?? GRAPHQL_ERROR };
  }

  /** The repository if it exists and the user may see it (GitHub hides private repos as 404). */
  visibleRepo(owner: string, name: string): RepoState | undefined {
    const state = this.store.repo(owner, name);
    if (!state || !this.tokenUser || !this.store.canRead(this.tokenUser, state)) return undefined;
    return state;
  }
}

/** GraphQL error for a repository that does not exist or is not visible. */
export function unresolvedRepo(owner: string, repo: string): GraphqlFailure {
  return { kind: 'graphql', message: `Could not resolve to a Repository with the name '${owner}/${repo}'.` };
}

/** GraphQL error for an issue number that is missing, deleted or a pull request. */
export function unresolvedIssue(issueNumber: number): GraphqlFailure {
  return { kind: 'graphql', message: `Could not resolve to an Issue with the number of ${issueNumber}.` };
}
