import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { ErrorClassification } from './classification.js';
import { classifyGitHubMessage } from './classify-message.js';

/**
 * Classifies anything thrown by the MCP SDK while calling a tool: JSON-RPC errors (the real server uses
 * code 0 for handler errors and -32602 for unknown tools), HTTP errors of the MCP endpoint, network
 * failures and SDK-side timeouts. Pure apart from reading the error objects.
 */

export interface ThrownContext {
  nowMs: number;
  /** The connection had an `Mcp-Session-Id`: an endpoint 404 then means the session expired. */
  hadSession: boolean;
}

/** Message of the synthetic JSON-RPC error delivered when a response stream breaks (see drop-aware fetch). */
export const STREAM_DROPPED_MESSAGE = 'connection dropped before the response arrived';

const NOT_DELIVERED_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const NETWORK_CODES = new Set([
  ...NOT_DELIVERED_CODES,
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const MCP_ERROR_PREFIX = /^MCP error -?\d+: /;

/** The server's own text of a JSON-RPC error (the SDK prefixes "MCP error <code>: "). */
export function rpcErrorText(error: McpError): string {
  return error.message.replace(MCP_ERROR_PREFIX, '');
}

interface ErrorLike {
  name: string;
  message: string;
  code?: unknown;
  cause?: unknown;
}

/** Duck-typed: errors from Node internals (undici) may come from another realm, failing `instanceof Error`. */
export function isErrorLike(value: unknown): value is ErrorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { message?: unknown }).message === 'string' &&
    typeof (value as { name?: unknown }).name === 'string'
  );
}

function errorCodeChain(error: ErrorLike): string[] {
  const codes: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isErrorLike(current); depth += 1) {
    if (typeof current.code === 'string') codes.push(current.code);
    current = current.cause;
  }
  return codes;
}

/** Readable text of a thrown error: the server's own text for JSON-RPC errors, plus network error codes. */
export function describeThrown(error: unknown): string {
  if (error instanceof McpError) return rpcErrorText(error);
  if (!isErrorLike(error)) return String(error);
  const codes = errorCodeChain(error);
  return codes.length > 0 ? `${error.message} (${codes.join(', ')})` : error.message;
}

function classifyRpcError(error: McpError, ctx: ThrownContext): ErrorClassification {
  const text = rpcErrorText(error);
  switch (error.code) {
    case ErrorCode.RequestTimeout:
      return { kind: 'transient', transientReason: 'timeout', notDelivered: false };
    case ErrorCode.ConnectionClosed:
      return { kind: 'transient', transientReason: 'connection_closed', notDelivered: false };
    case ErrorCode.InvalidParams:
    case ErrorCode.InvalidRequest:
    case ErrorCode.MethodNotFound:
      return { kind: 'invalid_request' };
    case ErrorCode.ParseError:
      return { kind: 'protocol' };
  }
  const byText = classifyGitHubMessage(text, ctx.nowMs);
  if (byText.kind === 'unknown' && error.code === ErrorCode.InternalError) {
    return { kind: 'transient', transientReason: 'upstream', notDelivered: false };
  }
  return byText;
}

function classifyHttpStatus(
  status: number | undefined,
  message: string,
  ctx: ThrownContext,
): ErrorClassification {
  if (status === undefined || status < 0) return { kind: 'protocol' };
  if (status === 401 || status === 403) {
    if (/rate limit/i.test(message)) return { ...classifyGitHubMessage(message, ctx.nowMs), status };
    return { kind: 'unauthorized', status };
  }
  if (status === 400 && /authorization/i.test(message)) return { kind: 'unauthorized', status };
  if (status === 429) return { ...classifyGitHubMessage(message, ctx.nowMs), kind: 'rate_limited', status };
  if (status === 404 && ctx.hadSession) {
    return { kind: 'transient', status, transientReason: 'http', notDelivered: true };
  }
  if (status === 408 || status >= 500) {
    return { kind: 'transient', status, transientReason: 'http', notDelivered: false };
  }
  if (status === 413) return { kind: 'invalid_request', status };
  return { kind: 'protocol', status };
}

export function classifyThrown(error: unknown, ctx: ThrownContext): ErrorClassification {
  if (error instanceof McpError) return classifyRpcError(error, ctx);
  if (error instanceof StreamableHTTPError) return classifyHttpStatus(error.code, error.message, ctx);
  if (!isErrorLike(error)) return { kind: 'unknown' };
  const codes = errorCodeChain(error);
  if (codes.some((code) => NETWORK_CODES.has(code)) || error.message === 'fetch failed') {
    const notDelivered = codes.some((code) => NOT_DELIVERED_CODES.has(code));
    return { kind: 'transient', transientReason: 'network', notDelivered };
  }
  if (error.message.startsWith('Not connected')) {
    return { kind: 'transient', transientReason: 'connection_closed', notDelivered: true };
  }
  if (error.name === 'AbortError') {
    return { kind: 'transient', transientReason: 'connection_closed', notDelivered: false };
  }
  if (error.name === 'ZodError' || error.name === 'SyntaxError' || /^Server('s| sent)/.test(error.message)) {
    return { kind: 'protocol' };
  }
  return { kind: 'unknown' };
}
