/** Tool results and the two error channels of the real server (§4.2 isError, §4.3 JSON-RPC). */
import { goJson } from '../util/go-json.js';

export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  isError?: boolean;
}

export function textResult(text: string): ToolResult {
  return { content: [{ type: 'text', text }] };
}

/** Success result whose text is the Go-marshalled JSON of `value`. */
export function jsonResult(value: unknown): ToolResult {
  return textResult(goJson(value));
}

export function errorResult(text: string): ToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/**
 * An error the SDK turns into a JSON-RPC error with exactly this code and message (the SDK's
 * Protocol copies a safe-integer `code` and the raw `message`; McpError would prefix the text).
 */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly code: number = 0,
  ) {
    super(message);
    this.name = 'RpcError';
  }
}

/** A parameter problem the handler reports as an isError result (Go's `NewToolResultError`). */
export class ParamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParamError';
  }
}
