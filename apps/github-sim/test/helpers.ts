/** Shared helpers for the simulator specs: a started simulator, MCP clients and raw JSON-RPC. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { DEFAULT_SIM_TOKEN, startSimulator } from '../src/index.js';
import type { RunningSimulator, SimulatorOptions } from '../src/index.js';

export { DEFAULT_SIM_TOKEN };

/** 2026-09-01T00:00:00Z: a fixed wall clock so stamps of changes are predictable. */
export const FIXED_NOW = Date.UTC(2026, 8, 1);

export function startTestSim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, seed: 7, clock: () => FIXED_NOW, ...options });
}

export async function connect(sim: RunningSimulator, token: string = DEFAULT_SIM_TOKEN): Promise<Client> {
  const client = new Client({ name: 'github-sim-spec', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(sim.mcpUrl), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  return client;
}

export interface CallOutcome {
  text: string;
  isError: boolean;
}

export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<CallOutcome> {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text: string }[];
  return { text: content[0]?.text ?? '', isError: result.isError === true };
}

export async function callJson<T = Record<string, unknown>>(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<T> {
  const outcome = await call(client, name, args);
  if (outcome.isError) throw new Error(`${name} failed: ${outcome.text}`);
  return JSON.parse(outcome.text) as T;
}

/** The JSON-RPC error a call produced (the SDK client throws McpError carrying `code`). */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
): Promise<{ code: number; message: string }> {
  try {
    await client.callTool({ name, arguments: args });
  } catch (err) {
    const e = err as { code?: unknown; message: string };
    return { code: Number(e.code), message: e.message };
  }
  throw new Error(`${name} did not fail with a JSON-RPC error`);
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** JSON-RPC messages from an SSE or JSON body. */
  messages: Record<string, unknown>[];
}

/** POSTs one JSON-RPC message (or anything) to the MCP endpoint without the SDK. */
export async function rawPost(
  sim: RunningSimulator,
  body: unknown,
  headers: Record<string, string> = { authorization: `Bearer ${DEFAULT_SIM_TOKEN}` },
  path = '/mcp',
): Promise<RawResponse> {
  const response = await fetch(sim.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  const messages: Record<string, unknown>[] = [];
  if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
    for (const line of text.split('\n'))
      if (line.startsWith('data: ')) messages.push(JSON.parse(line.slice(6)));
  } else if ((response.headers.get('content-type') ?? '').includes('application/json') && text) {
    messages.push(JSON.parse(text));
  }
  return { status: response.status, headers: response.headers, text, messages };
}

/** A raw `tools/call` (stateless server: no initialize needed) and its single JSON-RPC answer. */
export async function rawCall(
  sim: RunningSimulator,
  name: string,
  args: unknown,
  token = DEFAULT_SIM_TOKEN,
): Promise<Record<string, unknown>> {
  const body: Record<string, unknown> = {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name, arguments: args },
  };
  const response = await rawPost(sim, body, {
    authorization: `Bearer ${token}`,
    'mcp-protocol-version': '2025-06-18',
  });
  const message = response.messages[0];
  if (!message) throw new Error(`no JSON-RPC answer (HTTP ${response.status}): ${response.text}`);
  return message;
}

export async function admin(
  sim: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${sim.url}/_admin${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}
