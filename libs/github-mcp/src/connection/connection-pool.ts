import { createHash } from 'node:crypto';
import type { ResolvedGitHubMcpOptions } from '../options.js';
import { McpConnection } from './connection.js';

/** At most one live connection per token; never shared across tokens. Keys are token hashes. */
export class ConnectionPool {
  private readonly connections = new Map<string, McpConnection>();
  private closed = false;

  constructor(private readonly options: ResolvedGitHubMcpOptions) {}

  get isClosed(): boolean {
    return this.closed;
  }

  get size(): number {
    return this.connections.size;
  }

  /**
   * The token's connection, connecting if needed. Concurrent first callers share one pending connect.
   * The caller must call `end()` on the returned connection when its call is over.
   */
  async acquire(token: string): Promise<McpConnection> {
    if (this.closed) throw new Error('Not connected: the GitHub MCP client factory was closed');
    const key = createHash('sha256').update(token).digest('hex');
    let connection = this.connections.get(key);
    if (connection === undefined || !connection.isUsable) {
      const created = new McpConnection(this.options, token, (gone) => {
        if (this.connections.get(key) === gone) this.connections.delete(key);
      });
      this.connections.set(key, created);
      connection = created;
    }
    connection.begin();
    try {
      await connection.ready;
    } catch (error) {
      connection.end();
      throw error;
    }
    return connection;
  }

  /** Closes every connection; the pool hands out no connection afterwards. */
  async closeAll(): Promise<void> {
    this.closed = true;
    const all = [...this.connections.values()];
    this.connections.clear();
    await Promise.all(all.map((connection) => connection.close()));
  }
}
