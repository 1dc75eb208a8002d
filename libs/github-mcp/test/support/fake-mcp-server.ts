import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';

/**
 * A small stateless MCP server (SDK low-level `Server` + Streamable HTTP, SSE answers, GET → 405) that
 * answers exactly like the GitHub MCP server: compact JSON text content, `isError` results, and JSON-RPC errors
 * with code 0 (thrown Errors carrying a numeric `code`) or -32602 for unknown tools.
 */

export interface FakeCall {
  tool: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

export type FakeToolHandler = (call: FakeCall, index: number) => CallToolResult | Promise<CallToolResult>;

/** Intercepts a POST before MCP handling; return true when it answered (or destroyed) the request. */
export type FakeHttpHook = (
  info: { token: string | undefined; rpcMethod: string | undefined; tool: string | undefined },
  res: ServerResponse,
) => boolean;

export interface FakeMcpServer {
  url: string;
  /** initialize requests seen, per token. */
  initializeCount: (token: string) => number;
  /** Authorization header of every POST, in order. */
  authorizationHeaders: string[];
  calls: FakeCall[];
  /** Headers of every POST, in order. */
  requestHeaders: IncomingHttpHeaders[];
  /** tools/list requests answered. */
  toolListCount: () => number;
  setTool: (name: string, handler: FakeToolHandler) => void;
  setHttpHook: (hook: FakeHttpHook | undefined) => void;
  close: () => Promise<void>;
}

export function jsonResult(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }] };
}

export function toolError(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** What go-sdk sends for a handler that returns a Go error: a JSON-RPC error with code 0. */
export function rpcError(message: string, code = 0): Error {
  return Object.assign(new Error(message), { code });
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > 0 ? JSON.parse(text) : undefined;
}

function tokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header === undefined ? undefined : header.replace(/^Bearer /i, '');
}

/**
 * `version` is the serverInfo.version it reports: by default a release before 1.0.0, i.e. a server that
 * HTML-escapes text like the server does (apps/github-sim/src/sanitize).
 */
export async function startFakeMcpServer(options: { version?: string } = {}): Promise<FakeMcpServer> {
  const version = options.version ?? '0.9.0';
  const requestHeaders: IncomingHttpHeaders[] = [];
  let toolLists = 0;
  const tools = new Map<string, FakeToolHandler>();
  const initializes = new Map<string, number>();
  const authorizationHeaders: string[] = [];
  const calls: FakeCall[] = [];
  let hook: FakeHttpHook | undefined;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      return;
    }
    const token = tokenOf(req);
    authorizationHeaders.push(req.headers.authorization ?? '');
    requestHeaders.push(req.headers);
    const body = (await readBody(req)) as { method?: string; params?: { name?: string } } | undefined;
    if (body?.method === 'initialize' && token !== undefined) {
      initializes.set(token, (initializes.get(token) ?? 0) + 1);
    }
    if (hook?.({ token, rpcMethod: body?.method, tool: body?.params?.name }, res)) return;

    const server = new Server({ name: 'fake-github-mcp', version }, { capabilities: { tools: {} } });
    server.setRequestHandler(ListToolsRequestSchema, () => {
      toolLists += 1;
      return {
        tools: [...tools.keys()].map((name) => ({ name, inputSchema: { type: 'object' as const } })),
      };
    });
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      const call: FakeCall = { tool: request.params.name, args: request.params.arguments ?? {}, token };
      const handler = tools.get(call.tool);
      if (handler === undefined) throw rpcError(`unknown tool "${call.tool}"`, -32602);
      calls.push(call);
      return handler(call, calls.filter((c) => c.tool === call.tool).length - 1);
    });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };

  const http = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/mcp/`,
    initializeCount: (token) => initializes.get(token) ?? 0,
    authorizationHeaders,
    calls,
    requestHeaders,
    toolListCount: () => toolLists,
    setTool: (name, handler) => tools.set(name, handler),
    setHttpHook: (next) => {
      hook = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
