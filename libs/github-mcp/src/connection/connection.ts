import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ResolvedGitHubMcpOptions } from '../options.js';
import { type TextCodec, resolveEncoding, textCodec } from '../text/text-encoding.js';
import { createDropAwareFetch } from './drop-aware-fetch.js';

/**
 * One MCP session (SDK `Client` + Streamable HTTP transport) for one token. Shared by every concurrent
 * caller of that token; `ready` is the single connect handshake they all wait for. A retired connection
 * takes no new callers and closes when its last call ends.
 */
export class McpConnection {
  readonly client: Client;
  readonly ready: Promise<void>;
  private readonly transport: StreamableHTTPClientTransport;
  private inflight = 0;
  private retired = false;
  private closed = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private toolNames: Promise<ReadonlySet<string>> | undefined;

  constructor(
    private readonly options: ResolvedGitHubMcpOptions,
    token: string,
    private readonly onGone: (connection: McpConnection) => void,
  ) {
    this.transport = new StreamableHTTPClientTransport(new URL(options.serverUrl), {
      requestInit: { headers: requestHeaders(token, options) },
      fetch: createDropAwareFetch(),
      reconnectionOptions: {
        maxRetries: 2,
        initialReconnectionDelay: 1000,
        maxReconnectionDelay: 10_000,
        reconnectionDelayGrowFactor: 2,
      },
    });
    this.client = new Client(
      { name: options.clientName, version: options.clientVersion },
      { capabilities: {} },
    );
    this.client.onclose = () => this.markClosed();
    // Background-stream errors (e.g. the optional GET stream) are not tied to a call; calls report their own.
    this.client.onerror = () => undefined;
    this.ready = this.client.connect(this.transport, { timeout: options.timeoutMs });
    this.ready.catch(() => this.retire());
  }

  /** The server issued an `Mcp-Session-Id` (the real server is stateless and does not). */
  get hadSession(): boolean {
    return this.transport.sessionId !== undefined;
  }

  /** How this server encodes titles and bodies; known once `ready` resolved. */
  get codec(): TextCodec {
    return textCodec(resolveEncoding(this.options.textEncoding, this.client.getServerVersion()?.version));
  }

  /** The names the server lists in tools/list, asked once per connection. */
  tools(): Promise<ReadonlySet<string>> {
    this.toolNames ??= this.listToolNames();
    this.toolNames.catch(() => {
      this.toolNames = undefined;
    });
    return this.toolNames;
  }

  private async listToolNames(): Promise<ReadonlySet<string>> {
    const names = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.client.listTools(cursor === undefined ? undefined : { cursor }, {
        timeout: this.options.timeoutMs,
      });
      for (const tool of page.tools) names.add(tool.name);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return names;
  }

  get isUsable(): boolean {
    return !this.retired && !this.closed;
  }

  begin(): void {
    this.inflight += 1;
    this.clearIdleTimer();
  }

  end(): void {
    this.inflight -= 1;
    if (this.inflight > 0) return;
    if (this.retired) {
      void this.close();
    } else if (!this.closed) {
      this.idleTimer = setTimeout(() => this.retire(), this.options.idleTimeoutMs);
      this.idleTimer.unref();
    }
  }

  /** Stop handing this connection out; close it once idle. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.onGone(this);
    if (this.inflight === 0) void this.close();
  }

  async close(): Promise<void> {
    this.retired = true;
    this.clearIdleTimer();
    if (this.closed) return;
    this.closed = true;
    this.onGone(this);
    await this.client.close().catch(() => undefined);
  }

  private markClosed(): void {
    this.closed = true;
    this.retired = true;
    this.clearIdleTimer();
    this.onGone(this);
  }

  private clearIdleTimer(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

function requestHeaders(token: string, options: ResolvedGitHubMcpOptions): Record<string, string> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (options.toolsets.length > 0) headers['X-MCP-Toolsets'] = options.toolsets.join(',');
  return headers;
}
