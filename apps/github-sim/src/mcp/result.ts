/** Tool results and the two error channels of the real server (isError results and JSON-RPC errors). */
import { goJson } from '../util/go-json.js';
import type { SimStructuredContent } from './profile.js';

export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  isError?: boolean;
  structuredContent?: Record<string, unknown>;
}

export function textResult(text: string): ToolResult {
  return { content: [{ type: 'text', text }] };
}

/** Success result whose text is the Go-marshalled JSON of `value`. */
export function jsonResult(value: unknown): ToolResult {
  return textResult(goJson(value));
}

/**
 * A JSON object result as a server with output schemas answers it (#2945): `structuredContent` beside the
 * text block (`both`), instead of it (`only`), or not at all (`off`, the snapshot).
 */
export function structuredResult(value: Record<string, unknown>, mode: SimStructuredContent): ToolResult {
  if (mode === 'off') return jsonResult(value);
  const structuredContent = JSON.parse(goJson(value)) as Record<string, unknown>;
  return mode === 'both' ? { ...jsonResult(value), structuredContent } : { content: [], structuredContent };
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
