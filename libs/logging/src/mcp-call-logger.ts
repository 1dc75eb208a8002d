import { Logger } from '@nestjs/common';
import type { GitHubMcpCallEvent } from '#libs/github-mcp';

/**
 * An `onCall` observer for `GitHubMcpModule` where no metrics are scraped (the CLI): one debug line per
 * MCP call attempt, failures at warn.
 */
export function mcpCallLogger(logger = new Logger('GitHubMcp')): (event: GitHubMcpCallEvent) => void {
  return (event) => {
    const call = `${event.tool}${event.method ? ` ${event.method}` : ''}`;
    const line = `${call} ${event.outcome}${event.errorKind ? ` (${event.errorKind})` : ''} in ${Math.round(event.durationMs)} ms, attempt ${event.attempt + 1}`;
    if (event.outcome === 'error') logger.warn(line);
    else logger.debug(line);
  };
}
