import { describe, expect, it } from '@jest/globals';
import { classifyGitHubMessage } from '#libs/github-mcp';

const NOW = Date.parse('2026-08-20T12:00:00Z');
const at = (offsetMs: number): Date => new Date(NOW + offsetMs);

describe('classifyGitHubMessage: every wording of the server errors', () => {
  it.each([
    [
      'failed to get pull request: GET https://api.github.com/repos/acme/web/pulls/999: 404 Not Found []',
      404,
    ],
    ['failed to get issue: GET https://api.github.com/repos/o/r/issues/999: 404 Not Found []', 404],
    [
      'failed to get issue comments: GET https://api.github.com/repos/o/r/issues/5/comments: 404 Not Found []',
      404,
    ],
    [
      'failed to create comment: POST https://api.github.com/repos/o/r/issues/1/comments: 410 Issues are disabled for this repo []',
      410,
    ],
    ['failed to list pull requests: unexpected status 404: {"message":"Not Found"}', 404],
    ["failed to list issues: Could not resolve to a Repository with the name 'acme/nope'.", undefined],
    ['Failed to find issues: Could not resolve to an Issue with the number of 77.', undefined],
    ["label 'x' not found in o/r", undefined],
  ])('not found: %s', (text, status) => {
    expect(classifyGitHubMessage(text, NOW)).toEqual(
      status === undefined ? { kind: 'not_found' } : { kind: 'not_found', status },
    );
  });

  it.each([
    ['failed to get user: GET https://api.github.com/user: 401 Bad credentials []', 401],
    [
      'failed to list issues: non-200 OK status code: 401 Unauthorized body: "{\\"message\\":\\"Bad credentials\\"}"',
      401,
    ],
    [
      'failed to update issue: PATCH https://api.github.com/repos/o/r/issues/1: 403 Resource not accessible by integration []',
      403,
    ],
    ['access to issue details is restricted by lockdown mode', undefined],
    ['Failed to close issue: Resource not accessible by integration', undefined],
  ])('unauthorized: %s', (text, status) => {
    expect(classifyGitHubMessage(text, NOW)).toEqual(
      status === undefined ? { kind: 'unauthorized' } : { kind: 'unauthorized', status },
    );
  });

  it('primary rate limit with "Retry after 12m34s."', () => {
    const c = classifyGitHubMessage(
      'failed to list pull requests: GitHub API rate limit exceeded. Retry after 12m34s.',
      NOW,
    );
    expect(c).toEqual({
      kind: 'rate_limited',
      secondary: false,
      retryAfterMs: 754_000,
      resetAt: at(754_000),
    });
  });

  it('rate limit with "Wait before retrying." has no time', () => {
    const c = classifyGitHubMessage(
      'failed to get user: GitHub API rate limit exceeded. Wait before retrying.',
      NOW,
    );
    expect(c).toEqual({ kind: 'rate_limited', secondary: false });
  });

  it('secondary rate limit with and without a time', () => {
    expect(
      classifyGitHubMessage(
        'failed to create issue: GitHub secondary rate limit exceeded. Retry after 1m0s.',
        NOW,
      ),
    ).toEqual({ kind: 'rate_limited', secondary: true, retryAfterMs: 60_000, resetAt: at(60_000) });
    expect(
      classifyGitHubMessage(
        'failed to create comment: GitHub secondary rate limit exceeded. Wait before retrying.',
        NOW,
      ),
    ).toEqual({ kind: 'rate_limited', secondary: true });
  });

  it('search tools: raw go-github wording "[rate reset in 4m05s]"', () => {
    const text =
      'failed to search issues: GET https://api.github.com/search/issues?page=1&per_page=30&q=is%3Aissue: 403 API rate limit exceeded for user ID 1. [rate reset in 4m05s]';
    expect(classifyGitHubMessage(text, NOW)).toEqual({
      kind: 'rate_limited',
      status: 403,
      secondary: false,
      retryAfterMs: 245_000,
      resetAt: at(245_000),
    });
  });

  it('"[rate limit was reset 3s ago]" means retry now', () => {
    const text =
      'failed to search issues: GET https://api.github.com/search/issues?q=x: 403 API rate limit exceeded for user ID 1. [rate limit was reset 3s ago]';
    expect(classifyGitHubMessage(text, NOW)).toEqual({
      kind: 'rate_limited',
      status: 403,
      secondary: false,
      retryAfterMs: 0,
      resetAt: at(-3000),
    });
  });

  it('GraphQL rate limit message has no time', () => {
    expect(
      classifyGitHubMessage('failed to list issues: API rate limit exceeded for user ID 1.', NOW),
    ).toEqual({
      kind: 'rate_limited',
      secondary: false,
    });
  });

  it('secondary limits in raw REST and GraphQL wordings', () => {
    const abuse =
      'failed to search issues: GET https://api.github.com/search/issues?q=x: 403 You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';
    expect(classifyGitHubMessage(abuse, NOW)).toEqual({ kind: 'rate_limited', status: 403, secondary: true });
    expect(classifyGitHubMessage('Failed to create label: was submitted too quickly', NOW)).toEqual({
      kind: 'rate_limited',
      secondary: true,
    });
  });

  it('go-github local block "still exceeded until <time>"', () => {
    const text =
      'failed to get issue: API rate limit of 5000 still exceeded until 2026-08-20 12:10:00 +0000 UTC, not making remote request.';
    expect(classifyGitHubMessage(text, NOW)).toEqual({
      kind: 'rate_limited',
      secondary: false,
      resetAt: new Date('2026-08-20T12:10:00Z'),
      retryAfterMs: 600_000,
    });
  });

  it.each([
    'missing required parameter: owner',
    'parameter owner is not of type string',
    'parameter labels is not of type string, is float64',
    'parameter issue_number is not a valid number: non-integer numeric value: 1.5',
    'unknown method: foo',
    'invalid arguments: json: cannot unmarshal string into Go value of type map[string]interface {}',
    'perPage value 101 exceeds maximum of 100',
    "This tool uses cursor-based pagination. Use the 'after' parameter with the 'endCursor' value from the previous response instead of 'page'.",
    'failed to list issues: invalid ISO 8601 timestamp: yesterday (supported formats: YYYY-MM-DDThh:mm:ssZ or YYYY-MM-DD)',
    'field_filters: unknown field "X". Known fields: Priority',
    "duplicate_of can only be used when state_reason is 'duplicate'",
    "invalid method, must be either 'create' or 'update'",
    'parameter type must not be empty',
    'at least one of body or reaction is required',
    'comment_id cannot be combined with body',
    'body cannot be empty when provided',
    'reaction must be one of +1, -1, laugh, confused, heart, hooray, rocket, eyes',
    'unknown tool "get_issue"',
    'invalid pagination parameters: perPage must be <= 100',
    'color is required for create',
  ])('invalid request: %s', (text) => {
    expect(classifyGitHubMessage(text, NOW).kind).toBe('invalid_request');
  });

  it('422 Validation Failed keeps its status', () => {
    const text = 'failed to create issue: Validation Failed\nIssue.title (missing_field): title is missing';
    expect(classifyGitHubMessage(text, NOW)).toEqual({ kind: 'invalid_request' });
    expect(
      classifyGitHubMessage('failed to merge: PUT https://api.github.com/x: 409 Conflict []', NOW),
    ).toEqual({
      kind: 'invalid_request',
      status: 409,
    });
  });

  it.each([
    ['failed to list issues: non-200 OK status code: 502 Bad Gateway body: "<html>"', 502],
    ['failed to get issue: GET https://api.github.com/repos/o/r/issues/1: 503 Service Unavailable []', 503],
    [
      'failed to list pull requests: GET https://api.github.com/repos/o/r/pulls: 500 Internal Server Error []',
      500,
    ],
    ['failed to get user: GET https://api.github.com/user: 504 Gateway Timeout []', 504],
  ])('5xx GitHub answers are transient: %s', (text, status) => {
    expect(classifyGitHubMessage(text, NOW)).toEqual({
      kind: 'transient',
      status,
      transientReason: 'upstream',
      notDelivered: false,
    });
  });

  it.each([
    'failed to list issues: Post "https://api.github.com/graphql": dial tcp 140.82.112.6:443: i/o timeout',
    'failed to get issue: Get "https://api.github.com/repos/o/r/issues/1": context deadline exceeded',
    'failed to get issue: read tcp 10.0.0.1:443: connection reset by peer',
    'failed to list issues: Post "https://api.github.com/graphql": EOF',
    'failed to list issues: Something went wrong while executing your query. Please try again later.',
  ])('upstream network trouble is transient: %s', (text) => {
    expect(classifyGitHubMessage(text, NOW)).toEqual({
      kind: 'transient',
      transientReason: 'upstream',
      notDelivered: false,
    });
  });

  it('anything else is unknown', () => {
    expect(classifyGitHubMessage('lockdown cache is not configured', NOW)).toEqual({ kind: 'unknown' });
  });
});
