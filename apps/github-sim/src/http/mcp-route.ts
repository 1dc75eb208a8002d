/**
 * `POST /mcp`: Streamable HTTP, stateless, a fresh MCP server and transport per request (as
 * github-mcp-server does). Before MCP: the Authorization check (401/400), `405` for other
 * methods, the 5 MiB body limit, call statistics and the HTTP-level faults (latency, 500, drop).
 */
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import express from 'express';
import type { NextFunction, Request, Response, Router } from 'express';
import type { FaultController, FaultDecision } from '../faults/fault-controller.js';
import type { CallStats } from '../faults/call-stats.js';
import type { RequestContext } from '../mcp/server.js';
import { createMcpServer } from '../mcp/server.js';
import type { SimStore } from '../store/store.js';
import { goTypeName } from '../util/go-format.js';
import { SNAPSHOT_PROFILE, type ServerProfile } from '../mcp/profile.js';
import { selectedToolsets } from '../mcp/toolsets.js';
import { parseAuthorization } from './auth.js';
import { HEADER_MISMATCH_CODE, headerRuleViolation, protocolHeaders } from './protocol-headers.js';

export interface McpRouteDeps {
  store: SimStore;
  faults: FaultController;
  stats: CallStats;
  /** Which server the simulator plays (default: the snapshot). */
  profile?: ServerProfile;
}

type Locals = { ctx: RequestContext };

function goError(res: Response, status: number, message: string): void {
  res
    .status(status)
    .set('Content-Type', 'text/plain; charset=utf-8')
    .set('X-Content-Type-Options', 'nosniff');
  res.send(`${message}\n`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unmarshalKind(value: unknown): string {
  const type = goTypeName(value);
  return type === 'float64' ? 'number' : type === '[]interface {}' ? 'array' : type;
}

/** Records stats, decides faults and normalises bad `arguments` of the request's tools/calls. */
function inspect(body: unknown, deps: McpRouteDeps, ctx: RequestContext): FaultDecision[] {
  const decisions: FaultDecision[] = [];
  for (const message of Array.isArray(body) ? body : [body]) {
    if (!isRecord(message) || message['method'] !== 'tools/call' || !isRecord(message['params'])) continue;
    const id = message['id'];
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const params = message['params'];
    const name = typeof params['name'] === 'string' ? params['name'] : '';
    const args = params['arguments'];
    deps.stats.recordCall(
      name,
      isRecord(args) && typeof args['method'] === 'string' ? args['method'] : undefined,
    );
    const decision = deps.faults.decide(name);
    ctx.faults.set(id, decision);
    decisions.push(decision);
    if ('arguments' in params && args !== undefined && !isRecord(args)) {
      ctx.invalidArguments.set(
        id,
        args === null
          ? 'invalid arguments: arguments must be a JSON object'
          : `invalid arguments: json: cannot unmarshal ${unmarshalKind(args)} into Go value of type map[string]interface {}`,
      );
      params['arguments'] = {};
    }
  }
  return decisions;
}

export function mcpRouter(deps: McpRouteDeps): Router {
  const router = express.Router();
  const authenticate = (req: Request, res: Response<unknown, Locals>, next: NextFunction): void => {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth.ok) {
      if (auth.status === 401) {
        const metadata = `${req.protocol}://${req.headers.host ?? 'localhost'}/.well-known/oauth-protected-resource/mcp`;
        res.set('WWW-Authenticate', `Bearer resource_metadata="${metadata}"`);
        goError(res, 401, 'Unauthorized');
      } else goError(res, 400, auth.message);
      return;
    }
    if (req.method !== 'POST') {
      res.set('Allow', 'POST');
      goError(res, 405, 'Method Not Allowed');
      return;
    }
    deps.stats.recordRequest(protocolHeaders(req.headers));
    const user = deps.store.userForToken(auth.token);
    const toolsetsHeader = req.headers['x-mcp-toolsets'];
    res.locals.ctx = {
      store: deps.store,
      user,
      faults: new Map(),
      invalidArguments: new Map(),
      profile: deps.profile ?? SNAPSHOT_PROFILE,
      tokenType: auth.type,
      toolsets: selectedToolsets(Array.isArray(toolsetsHeader) ? toolsetsHeader.join(',') : toolsetsHeader),
    };
    next();
  };
  const handle = async (req: Request, res: Response<unknown, Locals>): Promise<void> => {
    const ctx = res.locals.ctx;
    const body: unknown = req.body;
    const violation = headerRuleViolation(req.headers, body);
    if (violation !== undefined) {
      const id = isRecord(body) ? (body['id'] ?? null) : null;
      res.status(400).json({ jsonrpc: '2.0', id, error: { code: HEADER_MISMATCH_CODE, message: violation } });
      return;
    }
    const decisions = inspect(body, deps, ctx);
    const latency = decisions.reduce((sum, d) => sum + d.latencyMs, 0);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    const modes = decisions.map((d) => d.fault?.mode);
    if (modes.includes('drop')) {
      req.socket.destroy();
      return;
    }
    const failed = decisions.find((d) => d.fault?.mode === 'http_500')?.fault;
    if (failed) {
      // `status` picks another 5xx, e.g. 502 from the proxy in front of a hosted server.
      const status = failed.status !== undefined && failed.status >= 500 ? failed.status : 500;
      goError(res, status, status === 500 ? 'Internal Server Error' : `HTTP ${status}`);
      return;
    }
    const server = createMcpServer(ctx);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
  const bodyErrors = (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const type = isRecord(err) ? err['type'] : undefined;
    if (type === 'entity.too.large') return goError(res, 413, 'http: request body too large');
    if (type === 'entity.parse.failed') {
      res.status(400).json({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    next(err);
  };
  router.all('/mcp', authenticate, express.json({ limit: '5mb' }), bodyErrors, handle);
  return router;
}
