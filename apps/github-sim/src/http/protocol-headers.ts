/**
 * The 2026-07-28 header rule of go-sdk v1.7.0 (`mcp/streamable_headers.go`, enforced by the hosted server): a request whose
 * `Mcp-Protocol-Version` is 2026-07-28 or newer must repeat its JSON-RPC method in `Mcp-Method`, the tool
 * name in `Mcp-Name` (tools/call) and the `owner` / `repo` arguments in `Mcp-Param-owner` / `-repo`.
 * Older versions are not checked.
 */
import type { IncomingHttpHeaders } from 'node:http';

export const HEADER_RULE_VERSION = '2026-07-28';
export const HEADER_MISMATCH_CODE = -32020;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a client sent, for tests that pin it (`RunningSimulator.stats.protocolHeaders`). */
export interface ProtocolHeaders {
  protocolVersion?: string;
  method?: string;
  name?: string;
  toolsets?: string;
}

export function protocolHeaders(headers: IncomingHttpHeaders): ProtocolHeaders {
  const out: ProtocolHeaders = {};
  const pairs: [keyof ProtocolHeaders, string][] = [
    ['protocolVersion', 'mcp-protocol-version'],
    ['method', 'mcp-method'],
    ['name', 'mcp-name'],
    ['toolsets', 'x-mcp-toolsets'],
  ];
  for (const [key, name] of pairs) {
    const value = header(headers, name);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The mismatch a 2026-07-28 request has, or undefined when it passes (or is older). */
export function headerRuleViolation(headers: IncomingHttpHeaders, body: unknown): string | undefined {
  const version = header(headers, 'mcp-protocol-version');
  if (version === undefined || version < HEADER_RULE_VERSION || !isRecord(body)) return undefined;
  const method = body['method'];
  if (typeof method !== 'string') return undefined;
  if (header(headers, 'mcp-method') !== method) return `Mcp-Method header does not match method ${method}`;
  if (method !== 'tools/call' || !isRecord(body['params'])) return undefined;
  const params = body['params'];
  if (header(headers, 'mcp-name') !== params['name']) return 'Mcp-Name header does not match params.name';
  const args = isRecord(params['arguments']) ? params['arguments'] : {};
  for (const key of ['owner', 'repo']) {
    const value = args[key];
    if (typeof value === 'string' && header(headers, `mcp-param-${key}`) !== value) {
      return `Mcp-Param-${key} header does not match arguments.${key}`;
    }
  }
  return undefined;
}
