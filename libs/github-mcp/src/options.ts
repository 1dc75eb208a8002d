import type { GitHubMcpErrorKind } from './errors/errors.js';
import { TEXT_ENCODING_SETTINGS, type TextEncodingSetting } from './text/text-encoding.js';

/** One finished attempt of a tool call (a retried call reports each attempt). Never carries the token. */
export interface GitHubMcpCallEvent {
  tool: string;
  method?: string;
  durationMs: number;
  outcome: 'ok' | 'error';
  errorKind?: GitHubMcpErrorKind;
  /** 0 for the first attempt. */
  attempt: number;
}

export interface GitHubMcpOptions {
  /** e.g. `https://api.githubcopilot.com/mcp/` */
  serverUrl: string;
  /** Per request (the connect handshake and every tool call). */
  timeoutMs: number;
  /** Extra attempts for transient failures. */
  maxRetries: number;
  /** First backoff delay; attempt n waits retryDelayMs × 2^n plus up to 10 % jitter. */
  retryDelayMs: number;
  clientName?: string;
  clientVersion?: string;
  /** A token's connection is closed after this long without calls (default 60 s). */
  idleTimeoutMs?: number;
  onCall?: (event: GitHubMcpCallEvent) => void;
  /** How the server encodes titles and bodies (default `auto`: from its serverInfo.version). */
  textEncoding?: TextEncodingSetting;
  /** Sent as `X-MCP-Toolsets` so the server lists only these toolsets (default: none sent). */
  toolsets?: readonly string[];
}

export interface ResolvedGitHubMcpOptions extends GitHubMcpOptions {
  serverUrl: string;
  clientName: string;
  clientVersion: string;
  idleTimeoutMs: number;
  textEncoding: TextEncodingSetting;
  toolsets: readonly string[];
}

export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

export function resolveOptions(options: GitHubMcpOptions): ResolvedGitHubMcpOptions {
  const positive = (name: string, value: number, allowZero: boolean): void => {
    if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
      throw new RangeError(
        `GitHub MCP option ${name} must be a ${allowZero ? 'non-negative' : 'positive'} number`,
      );
    }
  };
  positive('timeoutMs', options.timeoutMs, false);
  positive('maxRetries', options.maxRetries, true);
  positive('retryDelayMs', options.retryDelayMs, true);
  if (options.idleTimeoutMs !== undefined) positive('idleTimeoutMs', options.idleTimeoutMs, false);
  if (options.textEncoding !== undefined && !TEXT_ENCODING_SETTINGS.includes(options.textEncoding)) {
    throw new RangeError(
      `GitHub MCP option textEncoding must be one of ${TEXT_ENCODING_SETTINGS.join(', ')}`,
    );
  }
  const toolsets = (options.toolsets ?? []).map((name) => name.trim()).filter(Boolean);
  if (toolsets.some((name) => !/^[a-z_]+$/.test(name))) {
    throw new RangeError('GitHub MCP option toolsets must be toolset ids such as issues, repos');
  }
  let url: URL;
  try {
    url = new URL(options.serverUrl);
  } catch {
    throw new RangeError('GitHub MCP option serverUrl must be an absolute URL');
  }
  return {
    ...options,
    serverUrl: url.toString(),
    maxRetries: Math.floor(options.maxRetries),
    clientName: options.clientName ?? 'github-mcp-sync',
    clientVersion: options.clientVersion ?? '0.1.0',
    idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
    textEncoding: options.textEncoding ?? 'auto',
    toolsets,
  };
}
