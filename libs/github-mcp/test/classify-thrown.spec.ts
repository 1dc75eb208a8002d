import { describe, expect, it } from '@jest/globals';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { classifyThrown } from '#libs/github-mcp';

const NOW = Date.parse('2026-08-20T12:00:00Z');
const ctx = { nowMs: NOW, hadSession: false };

function networkError(code: string): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

describe('classifyThrown: JSON-RPC errors', () => {
  it('code 0 errors are classified by their text', () => {
    const notFound = new McpError(
      0,
      'failed to get issue: GET https://api.github.com/repos/o/r/issues/999: 404 Not Found []',
    );
    expect(classifyThrown(notFound, ctx)).toEqual({ kind: 'not_found', status: 404 });
    const unauthorized = new McpError(
      0,
      'failed to get issue comments: GET https://x: 401 Bad credentials []',
    );
    expect(classifyThrown(unauthorized, ctx)).toEqual({ kind: 'unauthorized', status: 401 });
    const limited = new McpError(0, 'failed to get issue: GitHub API rate limit exceeded. Retry after 2m0s.');
    expect(classifyThrown(limited, ctx)).toEqual({
      kind: 'rate_limited',
      secondary: false,
      retryAfterMs: 120_000,
      resetAt: new Date(NOW + 120_000),
    });
    expect(classifyThrown(new McpError(0, 'perPage value 101 exceeds maximum of 100'), ctx).kind).toBe(
      'invalid_request',
    );
  });

  it('unknown tool (-32602) and other request errors are invalid requests', () => {
    expect(classifyThrown(new McpError(-32602, 'unknown tool "get_issue"'), ctx)).toEqual({
      kind: 'invalid_request',
    });
    expect(classifyThrown(new McpError(ErrorCode.MethodNotFound, 'Method not found'), ctx).kind).toBe(
      'invalid_request',
    );
  });

  it('SDK timeout and closed connection are transient', () => {
    expect(classifyThrown(new McpError(ErrorCode.RequestTimeout, 'Request timed out'), ctx)).toEqual({
      kind: 'transient',
      transientReason: 'timeout',
      notDelivered: false,
    });
    expect(classifyThrown(new McpError(ErrorCode.ConnectionClosed, 'Connection closed'), ctx)).toEqual({
      kind: 'transient',
      transientReason: 'connection_closed',
      notDelivered: false,
    });
  });

  it('internal errors are transient unless the text says otherwise; parse errors are protocol errors', () => {
    expect(classifyThrown(new McpError(ErrorCode.InternalError, 'boom'), ctx).kind).toBe('transient');
    expect(classifyThrown(new McpError(ErrorCode.InternalError, 'x: 404 Not Found []'), ctx).kind).toBe(
      'not_found',
    );
    expect(classifyThrown(new McpError(ErrorCode.ParseError, 'Parse error'), ctx).kind).toBe('protocol');
  });
});

describe('classifyThrown: HTTP answers of the MCP endpoint', () => {
  it.each([
    [401, 'Error POSTing to endpoint: unauthorized', 'unauthorized'],
    [403, 'Error POSTing to endpoint: insufficient_scope', 'unauthorized'],
    [400, 'Error POSTing to endpoint: bad request: Authorization header is badly formatted', 'unauthorized'],
    [429, 'Error POSTing to endpoint: too many requests', 'rate_limited'],
    [500, 'Error POSTing to endpoint: oops', 'transient'],
    [502, 'Error POSTing to endpoint: bad gateway', 'transient'],
    [503, 'Error POSTing to endpoint: unavailable', 'transient'],
    [504, 'Error POSTing to endpoint: gateway timeout', 'transient'],
    [413, 'Error POSTing to endpoint: too large', 'invalid_request'],
    [415, 'Error POSTing to endpoint: unsupported media type', 'protocol'],
    [404, 'Error POSTing to endpoint: not found', 'protocol'],
    [-1, 'Unexpected content type: text/html', 'protocol'],
  ])('HTTP %d → %s', (status, message, kind) => {
    const c = classifyThrown(new StreamableHTTPError(status, message), ctx);
    expect(c.kind).toBe(kind);
    if (status > 0) expect(c.status).toBe(status);
  });

  it('an endpoint 404 on a session means the session expired: transient, reconnect', () => {
    expect(
      classifyThrown(new StreamableHTTPError(404, 'Session not found'), { ...ctx, hadSession: true }),
    ).toEqual({
      kind: 'transient',
      status: 404,
      transientReason: 'http',
      notDelivered: true,
    });
  });
});

describe('classifyThrown: network and local failures', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT'])(
    '%s: transient and certainly not delivered',
    (code) => {
      expect(classifyThrown(networkError(code), ctx)).toEqual({
        kind: 'transient',
        transientReason: 'network',
        notDelivered: true,
      });
    },
  );

  it.each(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_HEADERS_TIMEOUT'])(
    '%s: transient, maybe delivered',
    (code) => {
      expect(classifyThrown(networkError(code), ctx)).toEqual({
        kind: 'transient',
        transientReason: 'network',
        notDelivered: false,
      });
    },
  );

  it('a plain "fetch failed" is a network failure', () => {
    expect(classifyThrown(new TypeError('fetch failed'), ctx).kind).toBe('transient');
  });

  it('not connected, aborted, invalid JSON-RPC and unknown errors', () => {
    expect(classifyThrown(new Error('Not connected'), ctx)).toEqual({
      kind: 'transient',
      transientReason: 'connection_closed',
      notDelivered: true,
    });
    expect(classifyThrown(Object.assign(new Error('aborted'), { name: 'AbortError' }), ctx).kind).toBe(
      'transient',
    );
    expect(classifyThrown(Object.assign(new Error('bad'), { name: 'ZodError' }), ctx).kind).toBe('protocol');
    expect(classifyThrown(new Error("Server's protocol version is not supported: 1999"), ctx).kind).toBe(
      'protocol',
    );
    expect(classifyThrown(new Error('something odd'), ctx)).toEqual({ kind: 'unknown' });
    expect(classifyThrown('a string', ctx)).toEqual({ kind: 'unknown' });
  });
});
