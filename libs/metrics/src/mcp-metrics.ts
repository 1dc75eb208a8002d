import type { GitHubMcpCallEvent } from '#libs/github-mcp';
import type { Metrics } from './metrics.js';

/**
 * The `onCall` observer for `GitHubMcpModule`: latency per tool attempt and failed attempts by kind
 * (`github_mcp_call_duration_seconds`, `github_mcp_connection_errors_total`).
 */
export function mcpCallRecorder(metrics: Metrics): (event: GitHubMcpCallEvent) => void {
  return (event) => {
    metrics.mcpCallDuration.observe(
      { tool: event.tool, method: event.method ?? '', outcome: event.outcome },
      event.durationMs / 1000,
    );
    if (event.outcome === 'error') {
      metrics.connectionErrors.inc({ kind: event.errorKind ?? 'unknown', tool: event.tool });
    }
  };
}
