import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { classifyGitHubMessage } from './errors/classify-message.js';
import { createGitHubMcpError, type ErrorOrigin } from './errors/create-error.js';
import { McpProtocolError } from './errors/errors.js';

/** Longest server text quoted in an error message. */
const MAX_QUOTED = 2000;

export function quote(text: string): string {
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}

export function textOf(result: CallToolResult): string {
  return result.content.flatMap((item) => (item.type === 'text' ? [item.text] : [])).join('\n');
}

export function callLabel(origin: ErrorOrigin): string {
  return origin.method === undefined ? origin.tool : `${origin.tool} ${origin.method}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a tool result into a typed value: `isError` → typed error; otherwise its `structuredContent` when
 * the server sent one (the hosted server does, github-mcp-server #2945), else the text content parsed as JSON; then validated.
 * `redact` removes secrets from anything quoted in an error message.
 */
export function interpretToolResult<S extends z.ZodType>(
  result: CallToolResult,
  schema: S,
  origin: ErrorOrigin,
  redact: (text: string) => string,
  nowMs: number,
): z.output<S> {
  const label = callLabel(origin);
  const text = textOf(result);
  if (result.isError === true) {
    const message = text.length > 0 ? text : '(no error text)';
    const classification = classifyGitHubMessage(message, nowMs);
    throw createGitHubMcpError(classification, redact(`${label} failed: ${quote(message)}`), origin);
  }
  const hasText = result.content.some((item) => item.type === 'text');
  let json: unknown;
  try {
    if (isRecord(result.structuredContent)) json = result.structuredContent;
    else json = hasText ? JSON.parse(text) : null;
  } catch (cause) {
    const start = quote(text.slice(0, 120));
    const hint = text.startsWith('#') ? ' (CSV output? do not enable insiders mode or csv_output)' : '';
    throw new McpProtocolError(redact(`${label} returned text that is not JSON${hint}: ${start}`), {
      ...origin,
      cause,
    });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new McpProtocolError(redact(`${label} returned an unexpected result: ${issues}`), {
      ...origin,
      cause: parsed.error,
    });
  }
  return parsed.data;
}
