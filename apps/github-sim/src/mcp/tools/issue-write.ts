/** `issue_write`: create via REST POST, update via REST PATCH then GraphQL close/reopen. */
import { goQuote } from '../../util/go-format.js';
import { StoreError } from '../../store/errors.js';
import type { IssuePatch } from '../../store/issue-mutations.js';
import type { RepoState } from '../../store/repo-state.js';
import type { SimIssue, StateReason } from '../../store/types.js';
import { issueHtmlUrl } from '../minimal.js';
import { requiredInt } from '../params.js';
import { errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import type { Upstream } from '../upstream.js';
import { unresolvedIssue, unresolvedRepo } from '../upstream.js';
import { friendlyRestMessage, graphqlErrorString, restFailure } from '../upstream-errors.js';
import { parseIssueWriteArgs } from './issue-write-args.js';
import type { IssueWriteArgs } from './issue-write-args.js';
import type { ToolCall } from './types.js';

function answer(state: RepoState, issue: SimIssue): ToolResult {
  return jsonResult({ id: String(issue.id), url: issueHtmlUrl(state, issue) });
}

/** A store validation/gone error as the REST failure GitHub would answer with. */
function storeFailure(prefix: string, method: string, path: string, err: unknown): ToolResult {
  if (!(err instanceof StoreError)) throw err;
  if (err.kind === 'validation')
    return errorResult(friendlyRestMessage(prefix, restFailure(method, path, 422, err.message, err.details)));
  if (err.kind === 'gone')
    return errorResult(friendlyRestMessage(prefix, restFailure(method, path, 410, err.message)));
  return errorResult(friendlyRestMessage(prefix, restFailure(method, path, 404, 'Not Found')));
}

const TYPE_INVALID = [{ resource: 'Issue', field: 'type', code: 'invalid' }];

function create(up: Upstream, a: IssueWriteArgs): ToolResult {
  if (a.title === '') return errorResult('missing required parameter: title');
  const prefix = 'failed to create issue';
  const path = `/repos/${a.owner}/${a.repo}/issues`;
  const failure = up.rest('POST', path);
  if (failure) return errorResult(friendlyRestMessage(prefix, failure));
  const state = up.visibleRepo(a.owner, a.repo);
  if (!state) return errorResult(friendlyRestMessage(prefix, restFailure('POST', path, 404, 'Not Found')));
  if (a.type !== '') {
    return errorResult(
      friendlyRestMessage(prefix, restFailure('POST', path, 422, 'Validation Failed', TYPE_INVALID)),
    );
  }
  try {
    const input = { title: a.title, body: a.body, labels: a.labels, assignees: a.assignees };
    const issue = up.store.createIssue(
      state,
      a.milestone !== 0 ? { ...input, milestone: a.milestone } : input,
      up.user,
    );
    return answer(state, issue);
  } catch (err) {
    return storeFailure(prefix, 'POST', path, err);
  }
}

function changeState(
  up: Upstream,
  state: RepoState,
  a: IssueWriteArgs,
  issueNumber: number,
): ToolResult | undefined {
  const failure = up.graphql();
  const issue = state.items.get(issueNumber);
  const duplicate = a.duplicateOf !== 0 ? state.items.get(a.duplicateOf) : undefined;
  let lookup = failure;
  if (!lookup && (!issue || issue.pull)) lookup = unresolvedIssue(issueNumber);
  if (!lookup && a.duplicateOf !== 0 && (!duplicate || duplicate.pull))
    lookup = unresolvedIssue(a.duplicateOf);
  if (lookup)
    return errorResult(`Failed to find issues: failed to get issue ID: ${graphqlErrorString(lookup)}`);
  const patch: IssuePatch = {};
  if (a.state === 'open') patch.state = 'open';
  else if (a.state === 'closed') {
    patch.state = 'closed';
    const reasons: Record<string, StateReason> = { not_planned: 'not_planned', duplicate: 'duplicate' };
    patch.state_reason = reasons[a.stateReason] ?? 'completed';
  } else return undefined;
  up.store.updateIssue(state, issueNumber, patch, up.user);
  return undefined;
}

function update(up: Upstream, a: IssueWriteArgs, issueNumber: number): ToolResult {
  const prefix = 'failed to update issue';
  const path = `/repos/${a.owner}/${a.repo}/issues/${issueNumber}`;
  const failure = up.rest('PATCH', path);
  if (failure) return errorResult(friendlyRestMessage(prefix, failure));
  const state = up.visibleRepo(a.owner, a.repo);
  if (!state) return errorResult(friendlyRestMessage(prefix, restFailure('PATCH', path, 404, 'Not Found')));
  const patch: IssuePatch = {};
  if (a.title !== '') patch.title = a.title;
  if (a.body !== '') patch.body = a.body;
  if (a.labelsProvided || a.labels.length > 0) patch.labels = a.labels;
  if (a.assigneesProvided || a.assignees.length > 0) patch.assignees = a.assignees;
  if (a.milestone !== 0) patch.milestone = a.milestone;
  let issue: SimIssue;
  try {
    if (a.type !== '') throw new StoreError('validation', 'Validation Failed', TYPE_INVALID);
    issue = up.store.updateIssue(state, issueNumber, patch, up.user);
  } catch (err) {
    return storeFailure(prefix, 'PATCH', path, err);
  }
  if (a.state !== '') {
    const stateError = changeState(up, state, a, issueNumber);
    if (stateError) return stateError;
  }
  return answer(state, issue);
}

export function issueWrite({ args, up }: ToolCall): ToolResult {
  const a = parseIssueWriteArgs(args);
  if (a.issueFields.length > 0) {
    const failure =
      up.graphql() ?? (up.visibleRepo(a.owner, a.repo) ? undefined : unresolvedRepo(a.owner, a.repo));
    if (failure) {
      return errorResult(
        `failed to resolve issue_fields: failed to query issue fields metadata: ${graphqlErrorString(failure)}`,
      );
    }
    const first = a.issueFields[0] as { field_name: string };
    return errorResult(
      `failed to resolve issue_fields: issue field ${goQuote(first.field_name)} was not found in ${a.owner}/${a.repo}`,
    );
  }
  switch (a.method) {
    case 'create':
      return create(up, a);
    case 'update':
      return update(up, a, requiredInt(args, 'issue_number'));
    default:
      return errorResult("invalid method, must be either 'create' or 'update'");
  }
}
