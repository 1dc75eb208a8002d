import { createHash } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import pg from 'pg';
import { ReadQueries } from '#libs/db';
import { repositoryNames } from '#libs/sync';
import { presentJob } from '../apps/api/src/integrations/sync-job.presenter.js';
import { presentStatus } from '../apps/api/src/integrations/sync-views.js';
import { presentComment, presentIssue, presentOutbound } from '../apps/api/src/issues/issue.presenter.js';

/**
 * The floor of `npm run bench:api`, run as its own process: bare node:http + pg answering the five measured
 * routes with the API's SQL (the same prepared statements, token lookup included: libs/db/src/reads) and
 * the API's presenters, so the JSON is the same. No framework, logging, metrics, rate limits or
 * validation beyond what the answer needs. Env: DATABASE_URL, FLOOR_PORT, FLOOR_LIVE_BODY (the API's
 * liveness answer, returned as is).
 */
const pool = new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });
const reads = new ReadQueries(async (query, name) => {
  return (await pool.query<Record<string, unknown>>({ name, text: query.text, values: query.values })).rows;
});
const live = process.env['FLOOR_LIVE_BODY'] ?? '{}';
const PREFIX = /^\/api\/workspaces\/([^/]+)\/(.*?)\/?$/;

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}

async function route(workspaceId: string, rest: string, query: URLSearchParams): Promise<unknown> {
  let m = /^integrations\/github-mcp\/status$/.exec(rest);
  if (m) {
    const view = await reads.statusView(workspaceId, 10);
    if (!view) return undefined;
    const { integration, repositories, recent, active } = view;
    const current = active.find((j) => j.status === 'running') ?? active[0] ?? null;
    const activeByRepository = new Map(active.map((j) => [j.repositorySyncId ?? '', j]));
    const names = repositoryNames(repositories);
    return presentStatus({ integration, repositories, current, recent, activeByRepository, names });
  }
  m = /^integrations\/github-mcp\/sync-jobs\/([^/]+)$/.exec(rest);
  if (m) {
    const view = await reads.jobView(workspaceId, decodeURIComponent(m[1] as string));
    return view ? presentJob(view.job, view.repository) : undefined;
  }
  m = /^projects\/([0-9a-f-]{36})\/issues(?:\/([0-9a-f-]{36}))?$/.exec(rest);
  if (!m) return undefined;
  const project = await reads.project(workspaceId, m[1] as string);
  if (!project) return undefined;
  if (!m[2]) {
    const page = Number(query.get('page') ?? 1);
    const perPage = Number(query.get('per_page') ?? 50);
    const { items, total } = await reads.issuePage({ workspaceId, projectId: project.id, page, perPage });
    return { results: items.map(presentIssue), page, per_page: perPage, total };
  }
  const view = await reads.issueDetail(workspaceId, project.id, m[2], 1, 50);
  if (!view) return undefined;
  const { issue, comments, outbound } = view;
  return {
    ...presentIssue(issue),
    comments: comments.items.map(presentComment),
    comments_total: comments.total,
    comments_page: 1,
    comments_per_page: 50,
    comments_next_page: comments.total > 50 ? 2 : null,
    github_outbound: presentOutbound(outbound),
  };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://floor');
  if (url.pathname === '/api/health/live') return send(res, 200, live);
  const m = PREFIX.exec(url.pathname);
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!m || !bearer) return send(res, 401, { message: 'missing bearer API token' });
  const hash = createHash('sha256').update(bearer).digest('hex');
  const principal = await reads.principal(hash);
  if (!principal) return send(res, 401, { message: 'invalid or revoked API token' });
  if (m[1] !== principal.workspaceSlug) return send(res, 404, { message: 'not found' });
  const body = await route(principal.workspaceId, m[2] as string, url.searchParams);
  return body === undefined ? send(res, 404, { message: 'not found' }) : send(res, 200, body);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env['FLOOR_PORT']), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
