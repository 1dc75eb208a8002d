import { type CallToolResult, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import type { ConnectionPool } from './connection/connection-pool.js';
import type { McpConnection } from './connection/connection.js';
import { classifyThrown, describeThrown } from './errors/classify-thrown.js';
import { createGitHubMcpError, type ErrorOrigin, redactSecrets } from './errors/create-error.js';
import { GitHubMcpError, McpProtocolError, McpTransientError } from './errors/errors.js';
import type { ResolvedGitHubMcpOptions } from './options.js';
import type { TextDecoder } from './text/decode-results.js';
import type { TextCodec } from './text/text-encoding.js';
import { callLabel, interpretToolResult, quote } from './tool-result.js';

export interface ToolCallSpec<S extends z.ZodType> {
  tool: string;
  /** The `method` argument of multi-method tools (`issue_read`, `issue_write`, …), for errors and events. */
  method?: string;
  args: Record<string, unknown>;
  schema: S;
  /** Safe to resend after an ambiguous failure. Non-idempotent calls are retried only when not delivered. */
  idempotent: boolean;
  /** Decodes the result's titles and bodies with the connection's text codec (see text/text-encoding.ts). */
  decode?: TextDecoder<z.output<S>>;
}

const JITTER = 0.1;

/** Runs tool calls for one token: timeout, typed errors, retries of transient failures, call events. */
export class ToolCaller {
  constructor(
    private readonly pool: ConnectionPool,
    private readonly options: ResolvedGitHubMcpOptions,
    private readonly token: string,
  ) {}

  async call<S extends z.ZodType>(spec: ToolCallSpec<S>): Promise<z.output<S>> {
    for (let attempt = 0; ; attempt += 1) {
      const started = performance.now();
      try {
        const value = await this.attempt(spec);
        this.emit(spec, started, attempt);
        return value;
      } catch (error) {
        const typed = error instanceof GitHubMcpError ? error : this.unexpected(error, spec);
        this.emit(spec, started, attempt, typed);
        if (attempt >= this.options.maxRetries || !this.retryable(typed, spec)) throw typed;
        await delay(this.options.retryDelayMs * 2 ** attempt * (1 + Math.random() * JITTER));
      }
    }
  }

  private async attempt<S extends z.ZodType>(spec: ToolCallSpec<S>): Promise<z.output<S>> {
    const origin: ErrorOrigin = { tool: spec.tool, method: spec.method };
    let connection: McpConnection | undefined;
    let result: CallToolResult;
    let codec: TextCodec;
    try {
      connection = await this.pool.acquire(this.token);
      const raw = await connection.client.callTool({ name: spec.tool, arguments: spec.args }, undefined, {
        timeout: this.options.timeoutMs,
      });
      if (!('content' in raw) || !Array.isArray(raw.content)) {
        throw new McpProtocolError(`${callLabel(origin)} returned a result without content`, origin);
      }
      result = raw as CallToolResult;
      codec = connection.codec;
    } catch (error) {
      const typed = error instanceof GitHubMcpError ? error : this.fromThrown(error, origin, connection);
      // A broken transport or session: stop handing this connection out so the next attempt reconnects.
      if (connection && typed instanceof McpTransientError && typed.reason !== 'upstream') {
        connection.retire();
      }
      throw typed;
    } finally {
      connection?.end();
    }
    const value = interpretToolResult(result, spec.schema, origin, this.redact, Date.now());
    return spec.decode === undefined ? value : spec.decode(value, codec);
  }

  /** Whether the server lists this tool (tools/list, asked once per connection). */
  async hasTool(name: string): Promise<boolean> {
    const origin: ErrorOrigin = { tool: 'tools/list' };
    let connection: McpConnection | undefined;
    try {
      connection = await this.pool.acquire(this.token);
      return (await connection.tools()).has(name);
    } catch (error) {
      throw error instanceof GitHubMcpError ? error : this.fromThrown(error, origin, connection);
    } finally {
      connection?.end();
    }
  }

  private fromThrown(error: unknown, origin: ErrorOrigin, connection?: McpConnection): GitHubMcpError {
    const classification = classifyThrown(error, {
      nowMs: Date.now(),
      hadSession: connection?.hadSession ?? false,
    });
    const text = describeThrown(error);
    const rpcCode = error instanceof McpError ? error.code : undefined;
    const message = this.redact(`${callLabel(origin)} failed: ${quote(text.trim())}`);
    // Keep the original error as cause unless it quotes the token (e.g. an endpoint echoing the header).
    const cause = text.includes(this.token) ? new Error(this.redact(text)) : error;
    return createGitHubMcpError(classification, message, { ...origin, rpcCode, cause });
  }

  private unexpected(error: unknown, spec: ToolCallSpec<z.ZodType>): GitHubMcpError {
    return this.fromThrown(error, { tool: spec.tool, method: spec.method });
  }

  private retryable(error: GitHubMcpError, spec: ToolCallSpec<z.ZodType>): boolean {
    if (!(error instanceof McpTransientError) || this.pool.isClosed) return false;
    return spec.idempotent || error.notDelivered;
  }

  private readonly redact = (text: string): string => redactSecrets(text, [this.token]);

  private emit(
    spec: ToolCallSpec<z.ZodType>,
    started: number,
    attempt: number,
    error?: GitHubMcpError,
  ): void {
    const onCall = this.options.onCall;
    if (onCall === undefined) return;
    try {
      onCall({
        tool: spec.tool,
        method: spec.method,
        durationMs: performance.now() - started,
        outcome: error === undefined ? 'ok' : 'error',
        errorKind: error?.kind,
        attempt,
      });
    } catch {
      // A failing observer must not change the outcome of the call.
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
