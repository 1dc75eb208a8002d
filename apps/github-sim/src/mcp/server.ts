/**
 * One MCP server per HTTP request (stateless, like the real server): tools/list serves the
 * snaps, tools/call dispatches to the handlers with the request's token user and faults.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import {
  CallToolRequestSchema,
  CompleteRequestSchema,
  ListPromptsRequestSchema,
  ListResourceTemplatesRequestSchema,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { goQuote } from '../util/go-format.js';
import type { FaultDecision } from '../faults/fault-controller.js';
import type { SimStore } from '../store/store.js';
import type { SimUser } from '../store/types.js';
import type { Args } from './params.js';
import type { TokenType } from '../http/auth.js';
import { type ServerProfile, SNAPSHOT_PROFILE, serverVersion } from './profile.js';
import {
  LIVE_TOOLS,
  type LiveTool,
  SERVER_INSTRUCTIONS,
  TOOL_HANDLERS,
  UPDATE_ISSUE_COMMENT_TOOL,
} from './registry.js';
import { toolSelected } from './toolsets.js';
import { ParamError, RpcError, errorResult } from './result.js';
import type { ToolResult } from './result.js';
import { Upstream } from './upstream.js';

/** serverInfo.version of the snapshot profile (other profiles: `serverVersion`). */
export const SERVER_VERSION = serverVersion(SNAPSHOT_PROFILE);

/** Shared by all per-request servers: constructing Ajv per request would dominate the CPU time. */
const JSON_SCHEMA_VALIDATOR = new AjvJsonSchemaValidator();

export interface RequestContext {
  store: SimStore;
  /** The token's user; undefined for a well-formed token the simulator does not know. */
  user: SimUser | undefined;
  /** Faults decided for the `tools/call` messages of this request, by JSON-RPC id. */
  faults: Map<string | number, FaultDecision>;
  /** `invalid arguments: …` results for calls whose `arguments` was not an object, by JSON-RPC id. */
  invalidArguments: Map<string | number, string>;
  /** Which server the simulator plays. */
  profile: ServerProfile;
  /** The token's kind by prefix (installation tokens get 403 from `get_me`, as on the hosted server). */
  tokenType: TokenType;
  /** The request's `X-MCP-Toolsets` selection (undefined: every tool). */
  toolsets: ReadonlySet<string> | 'all' | undefined;
}

/** The tools this request's server lists: the profile's tools, narrowed by `X-MCP-Toolsets`. */
export function listedTools(ctx: Pick<RequestContext, 'profile' | 'toolsets'>): LiveTool[] {
  return [...LIVE_TOOLS, ...(ctx.profile.updateIssueComment ? [UPDATE_ISSUE_COMMENT_TOOL] : [])]
    .filter((tool) => toolSelected(tool.name, ctx.toolsets))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function callTool(ctx: RequestContext, name: string, args: Args, id: string | number): ToolResult {
  const handler = listedTools(ctx).some((tool) => tool.name === name) ? TOOL_HANDLERS[name] : undefined;
  if (!handler) throw new RpcError(`unknown tool ${goQuote(name)}`, -32602);
  const invalid = ctx.invalidArguments.get(id);
  if (invalid !== undefined) return errorResult(invalid);
  const up = new Upstream(ctx.store, ctx.user, ctx.faults.get(id)?.fault, ctx.profile, ctx.tokenType);
  try {
    return handler({ args, up, store: ctx.store });
  } catch (err) {
    if (err instanceof ParamError) return errorResult(err.message);
    throw err;
  }
}

export function createMcpServer(ctx: RequestContext): Server {
  const server = new Server(
    { name: 'github-mcp-server', title: 'GitHub MCP Server', version: serverVersion(ctx.profile) },
    {
      capabilities: { tools: {}, prompts: {}, resources: {}, completions: {} },
      instructions: SERVER_INSTRUCTIONS,
      jsonSchemaValidator: JSON_SCHEMA_VALIDATOR,
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listedTools(ctx) }));
  server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
    callTool(ctx, request.params.name, request.params.arguments ?? {}, extra.requestId),
  );
  server.setRequestHandler(ListPromptsRequestSchema, () => ({ prompts: [] }));
  server.setRequestHandler(ListResourcesRequestSchema, () => ({ resources: [] }));
  server.setRequestHandler(ListResourceTemplatesRequestSchema, () => ({ resourceTemplates: [] }));
  server.setRequestHandler(CompleteRequestSchema, () => ({ completion: { values: [] } }));
  return server;
}
