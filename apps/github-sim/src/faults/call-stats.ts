import type { ProtocolHeaders } from '../http/protocol-headers.js';

/** Counts of MCP requests and tool calls (per tool and per `tool.method`). */
export interface StatsSnapshot {
  /** HTTP requests to the MCP endpoint (any JSON-RPC method). */
  requests: number;
  /** `tools/call` requests. */
  total: number;
  byTool: Record<string, number>;
  /** Calls of tools with a `method` argument, keyed `tool.method` (e.g. `issue_read.get_comments`). */
  byMethod: Record<string, number>;
}

/** How many requests' protocol headers are kept. */
const HEADERS_KEPT = 200;

export class CallStats {
  private requests = 0;
  private headers: ProtocolHeaders[] = [];
  private total = 0;
  private byTool = new Map<string, number>();
  private byMethod = new Map<string, number>();

  recordRequest(headers: ProtocolHeaders = {}): void {
    this.requests++;
    this.headers.push(headers);
    if (this.headers.length > HEADERS_KEPT) this.headers.splice(0, this.headers.length - HEADERS_KEPT);
  }

  /** The MCP protocol headers of the last requests, oldest first. */
  protocolHeaders(): readonly ProtocolHeaders[] {
    return [...this.headers];
  }

  recordCall(tool: string, method?: string): void {
    this.total++;
    this.byTool.set(tool, (this.byTool.get(tool) ?? 0) + 1);
    if (method !== undefined) {
      const key = `${tool}.${method}`;
      this.byMethod.set(key, (this.byMethod.get(key) ?? 0) + 1);
    }
  }

  snapshot(): StatsSnapshot {
    return {
      requests: this.requests,
      total: this.total,
      byTool: Object.fromEntries([...this.byTool.entries()].sort()),
      byMethod: Object.fromEntries([...this.byMethod.entries()].sort()),
    };
  }

  reset(): void {
    this.requests = 0;
    this.headers = [];
    this.total = 0;
    this.byTool.clear();
    this.byMethod.clear();
  }
}
