import { ConnectionPool } from './connection/connection-pool.js';
import { GitHubMcpClient } from './github-mcp-client.js';
import { type GitHubMcpOptions, type ResolvedGitHubMcpOptions, resolveOptions } from './options.js';
import { ToolCaller } from './tool-caller.js';

/**
 * Hands out GitHub MCP clients per access token. Each token gets one MCP connection, shared by all its
 * concurrent callers, opened on first use, closed after `idleTimeoutMs` without calls and reopened on demand.
 */
export class GitHubMcpClientFactory {
  private readonly options: ResolvedGitHubMcpOptions;
  private readonly pool: ConnectionPool;

  constructor(options: GitHubMcpOptions) {
    this.options = resolveOptions(options);
    this.pool = new ConnectionPool(this.options);
  }

  /** A client for this token. Cheap: clients of the same token share the token's connection. */
  forToken(token: string): GitHubMcpClient {
    if (token.trim().length === 0) throw new RangeError('GitHub MCP access token must not be empty');
    return new GitHubMcpClient(new ToolCaller(this.pool, this.options, token));
  }

  /** Open connections (one per token in use). */
  get openConnections(): number {
    return this.pool.size;
  }

  /** Closes every connection for shutdown; in-flight calls fail and nothing reconnects afterwards. */
  closeAll(): Promise<void> {
    return this.pool.closeAll();
  }
}
