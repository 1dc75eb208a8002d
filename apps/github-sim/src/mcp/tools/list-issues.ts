/** `list_issues`: GraphQL cursor pagination over a repository's issues. */
import { goQuote } from '../../util/go-format.js';
import { sortedKeys } from '../../util/go-json.js';
import type { IssueOrderField } from '../../store/repo-state.js';
import { decodeCursor, encodeCursor, queryIssues } from '../issue-query.js';
import { listMinimalIssue, put } from '../minimal.js';
import {
  asRawError,
  optionalIntWithDefault,
  optionalString,
  optionalStringArray,
  requiredString,
} from '../params.js';
import type { Args } from '../params.js';
import { ParamError, RpcError, errorResult, jsonResult } from '../result.js';
import type { ToolResult } from '../result.js';
import { ceilToIsoSecond, parseIsoTimestamp } from '../timestamps.js';
import { unresolvedRepo } from '../upstream.js';
import { graphqlErrorString } from '../upstream-errors.js';
import type { ToolCall } from './types.js';

const PAGE_ERROR =
  "This tool uses cursor-based pagination. Use the 'after' parameter with the 'endCursor' value from the previous response instead of 'page'.";

function parseFieldFilters(args: Args): { name: string; value: string }[] {
  if (!('field_filters' in args)) return [];
  const raw = args['field_filters'];
  if (!Array.isArray(raw)) throw new ParamError('field_filters must be an array');
  return raw.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new ParamError('each field_filters entry must be an object');
    }
    const e = entry as Args;
    let name: string;
    try {
      name = requiredString(e, 'field_name');
    } catch (err) {
      throw new ParamError(`field_filters entry: ${(err as Error).message}`);
    }
    try {
      return { name, value: requiredString(e, 'value') };
    } catch (err) {
      throw new ParamError(`field_filters entry ${goQuote(name)}: ${(err as Error).message}`);
    }
  });
}

export function listIssues({ args, up }: ToolCall): ToolResult {
  const owner = requiredString(args, 'owner');
  const repo = requiredString(args, 'repo');
  const fields = optionalStringArray(args, 'fields');
  const stateParam = optionalString(args, 'state').toUpperCase();
  const states = new Set(
    stateParam === 'OPEN' ? ['open'] : stateParam === 'CLOSED' ? ['closed'] : ['open', 'closed'],
  );
  const labels = optionalStringArray(args, 'labels');
  let orderBy = optionalString(args, 'orderBy').toUpperCase();
  let direction = optionalString(args, 'direction').toUpperCase();
  if (!['CREATED_AT', 'UPDATED_AT', 'COMMENTS'].includes(orderBy)) orderBy = 'CREATED_AT';
  if (direction !== 'ASC' && direction !== 'DESC') direction = 'DESC';
  const since = optionalString(args, 'since');
  let sinceIso: string | undefined;
  if (since !== '') {
    const ms = parseIsoTimestamp(since);
    if (ms === undefined) {
      return errorResult(
        `failed to list issues: invalid ISO 8601 timestamp: ${since} (supported formats: YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DD)`,
      );
    }
    sinceIso = ceilToIsoSecond(ms);
  }
  const fieldFilters = parseFieldFilters(args);
  // Go returns these errors from the handler itself: JSON-RPC error code 0.
  const perPage = asRawError(() => optionalIntWithDefault(args, 'perPage', 30));
  const after = asRawError(() => optionalString(args, 'after'));
  if ('page' in args) return errorResult(PAGE_ERROR);
  if (perPage > 100) throw new RpcError(`perPage value ${perPage} exceeds maximum of 100`, 0);
  if (perPage < 0) throw new RpcError(`perPage value ${perPage} cannot be negative`, 0);

  if (fieldFilters.length > 0) {
    const failure = up.graphql() ?? (up.visibleRepo(owner, repo) ? undefined : unresolvedRepo(owner, repo));
    if (failure)
      return errorResult(`failed to look up issue fields for field_filters: ${graphqlErrorString(failure)}`);
    const first = fieldFilters[0] as { name: string };
    return errorResult(`field_filters: unknown field ${goQuote(first.name)}. Known fields: `);
  }
  const failure = up.graphql();
  if (failure) return errorResult(`failed to list issues: ${graphqlErrorString(failure)}`);
  const state = up.visibleRepo(owner, repo);
  if (!state) return errorResult(`failed to list issues: ${graphqlErrorString(unresolvedRepo(owner, repo))}`);
  const field = orderBy as IssueOrderField;
  let cursor = undefined;
  if (after !== '') {
    cursor = decodeCursor(after);
    if (!cursor || cursor.field !== field) {
      return errorResult(`failed to list issues: \`${after}\` does not appear to be a valid cursor.`);
    }
  }
  const page = queryIssues(state, {
    states,
    labels,
    since: sinceIso,
    field,
    direction: direction as 'ASC' | 'DESC',
    first: perPage,
    after: cursor,
  });
  const pageInfo: Record<string, unknown> = {
    hasNextPage: page.hasNextPage,
    hasPreviousPage: page.hasPreviousPage,
  };
  const firstNode = page.nodes[0];
  const lastNode = page.nodes[page.nodes.length - 1];
  put(pageInfo, 'startCursor', firstNode ? encodeCursor(field, firstNode) : '');
  put(pageInfo, 'endCursor', lastNode ? encodeCursor(field, lastNode) : '');
  const issues = page.nodes.map((node) => listMinimalIssue(node, up.text));
  if (fields.length > 0) {
    const picked = issues.map((issue) => {
      const out: Record<string, unknown> = {};
      for (const f of fields) if (f in issue) out[f] = issue[f];
      return sortedKeys(out);
    });
    return jsonResult({ issues: picked, pageInfo, totalCount: page.totalCount });
  }
  return jsonResult({ issues, totalCount: page.totalCount, pageInfo });
}
