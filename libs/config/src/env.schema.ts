import { z } from 'zod';
import { TRUST_ALL_MESSAGE, TRUST_PROXY_MESSAGE, parseTrustProxy, trustsEveryHop } from './trust-proxy.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const seconds = z.coerce.number().positive().max(86_400);
const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
      message: `must start with ${protocols.join(' or ')}`,
    });
const trustProxy = z
  .string()
  .optional()
  .refine((v) => !trustsEveryHop(v), { message: TRUST_ALL_MESSAGE, abort: true })
  .refine((v) => parseTrustProxy(v) !== undefined, { message: TRUST_PROXY_MESSAGE })
  .transform((v) => parseTrustProxy(v) ?? false);
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Every setting of the system (documented in docs/configuration.md and .env.example). */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: url(['postgres', 'postgresql']),
  /** Server-side statement_timeout of every app connection; the client gives up 1 s later (a paused server). */
  DATABASE_STATEMENT_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  /** Longest wait for a database connection: a free pool slot, or a new connection's connect and startup. */
  DATABASE_CONNECT_TIMEOUT_MS: int(100, 600_000).default(10_000),
  REDIS_URL: url(['redis', 'rediss']),
  QUEUE_PREFIX: z.string().min(1).default('{ghsync}'),
  QUEUE_JOB_ATTEMPTS: int(1, 50).default(3),
  QUEUE_JOB_BACKOFF_MS: int(10, 3_600_000).default(5000),
  QUEUE_LOCK_DURATION_MS: int(1000, 600_000).default(30_000),
  QUEUE_STALLED_INTERVAL_MS: int(500, 600_000).default(30_000),
  SYNC_JOB_RETENTION_DAYS: int(1, 3650).default(30),
  WEBHOOK_EVENT_RETENTION_DAYS: int(1, 3650).default(14),
  /** periodic_sync_all runs that have not started within this many seconds are dropped (default 4 min). */
  PERIODIC_SYNC_EXPIRES_SECONDS: int(10, 86_400).default(240),
  API_PORT: int(0, 65_535).default(3000),
  API_HOST: z.string().min(1).default('0.0.0.0'),
  API_PREFIX: z
    .string()
    .default('api')
    .transform((v) => v.replace(/^\/+|\/+$/g, '')),
  PUBLIC_BASE_URL: url(['http', 'https']).optional(),
  /** Seconds an Idempotency-Key stays leased to its running request without renewal (renewed every third). */
  IDEMPOTENCY_LEASE_SECONDS: int(1, 3600).default(60),
  WORKER_PORT: int(0, 65_535).default(3001),
  WORKER_CONCURRENCY: int(1, 64).default(4),
  /** Worker: how far V8 lets the heap grow past the live set before collecting (percent; 0: V8 decides). */
  WORKER_HEAP_GROWING_PERCENT: int(0, 300).default(100),
  /** Seconds a stopping process waits for in-flight requests / active jobs before closing or handing them back. */
  SHUTDOWN_TIMEOUT: seconds.default(25),
  /** Seconds the API keeps serving (readiness 503) after SIGTERM, so load balancers stop sending first. */
  SHUTDOWN_DELAY: z.coerce.number().min(0).max(300).default(0),
  /** Workspaces whose admins may open /api/admin/queues (comma-separated slugs); empty: nobody may. */
  QUEUE_DASHBOARD_WORKSPACES: optionalText,
  /** The queue dashboard only shows queues and jobs (no retry, remove, clean, pause) unless false. */
  QUEUE_DASHBOARD_READ_ONLY: bool.default(true),
  GITHUB_CLIENT_ID: optionalText,
  GITHUB_CLIENT_SECRET: optionalText,
  GITHUB_CALLBACK_URL: url(['http', 'https']).optional(),
  GITHUB_APP_ID: optionalText,
  GITHUB_APP_PRIVATE_KEY: optionalText,
  GITHUB_WEBHOOK_SECRET: optionalText,
  /** Seconds between `: keep-alive` comments on the API's server-sent event streams. */
  SSE_HEARTBEAT_SECONDS: int(1, 300).default(15),
  WEBHOOK_RELAY_INTERVAL_MS: int(100, 600_000).default(3000),
  WEBHOOK_WORKER_CONCURRENCY: int(1, 64).default(64),
  /** API: webhook bodies read before their signature is verified, at once; more are 503 (issue 17). */
  WEBHOOK_MAX_UNVERIFIED_BODIES: int(1, 1000).default(8),
  /** Rate limits of the API per window (0 turns one off); Redis-backed, shared by every API process. */
  RATE_LIMIT_WINDOW_SECONDS: int(1, 86_400).default(60),
  RATE_LIMIT_PER_TOKEN: int(0, 1_000_000).default(1200),
  RATE_LIMIT_PER_IP: int(0, 1_000_000).default(2400),
  /**
   * Behind reverse proxies: how many (a hop count) or which (addresses, subnets) may set X-Forwarded-For
   * (client IP for rate limits, audit and request logs) and -Proto/-Host/-Prefix; `true` is refused.
   */
  TRUST_PROXY: trustProxy,
  GITHUB_OAUTH_BASE_URL: url(['http', 'https']).default('https://github.com'),
  GITHUB_API_BASE_URL: url(['http', 'https']).default('https://api.github.com'),
  MCP_GITHUB_SERVER_URL: url(['http', 'https']).default('https://api.githubcopilot.com/mcp/'),
  /** How the server encodes titles and bodies; `auto` reads its serverInfo.version (docs/configuration.md). */
  MCP_GITHUB_TEXT_ENCODING: z
    .enum(['auto', 'html-escaped', 'verbatim', 'verbatim-angles-escaped'])
    .default('auto'),
  /** Sent as X-MCP-Toolsets: the toolsets the sync uses; empty sends no header (the server's defaults). */
  MCP_GITHUB_TOOLSETS: z
    .string()
    .trim()
    .regex(/^([a-z_]+(,[a-z_]+)*)?$/, 'must be comma-separated toolset ids such as issues,repos')
    .default('context,repos,issues,pull_requests'),
  MCP_CONNECTION_TIMEOUT: seconds.default(30),
  MCP_MAX_RETRIES: int(0, 10).default(3),
  MCP_RETRY_DELAY: seconds.default(1),
  ENABLE_GITHUB_MCP_INTEGRATION: bool.default(true),
  GITHUB_MCP_MAX_SYNC_BATCH_SIZE: int(1, 100).default(100),
  GITHUB_MCP_DEFAULT_SYNC_INTERVAL: int(30, 86_400).default(300),
  GITHUB_MCP_COMMENT_CONCURRENCY: int(1, 32).default(8),
  /** Seconds a job waits after a rate limit whose answer gave no reset time (GraphQL wording). */
  GITHUB_MCP_RATE_LIMIT_WAIT: int(1, 3600).default(60),
  /** Closed issues updated less than this many seconds before the search that found them are read with issue_read. */
  GITHUB_SEARCH_LAG_SECONDS: int(0, 3600).default(60),
  /** Longest wait for the search bucket (30 a minute); beyond it the sync reads close reasons with issue_read. */
  GITHUB_SEARCH_MAX_WAIT_SECONDS: int(0, 3600).default(65),
  /** Writes (issue_write, add_issue_comment) per token per minute, across all workers (GitHub: 80). */
  GITHUB_WRITES_PER_MINUTE: int(1, 1000).default(80),
  /** GitHub writes per token in flight at once, across all workers. */
  GITHUB_WRITE_CONCURRENCY_PER_TOKEN: int(1, 64).default(4),
  /** A local edit's sync_issue waits this long, so a burst of edits reaches GitHub as one write. */
  SYNC_ISSUE_DEBOUNCE_MS: int(0, 600_000).default(1000),
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => decodeKey(v)?.length === 32, { message: 'must be 32 bytes, base64 or hex encoded' }),
  /** The key ENCRYPTION_KEY replaced: still decrypts until `reencrypt-secrets` has rewritten everything. */
  ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .optional()
    .refine((v) => !v || decodeKey(v)?.length === 32, { message: 'must be 32 bytes, base64 or hex encoded' }),
  ENCRYPTION_KEY_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .default('k1'),
  ENCRYPTION_OLD_KEYS: z
    .string()
    .optional()
    .refine((v) => !v || parseKeyList(v) !== undefined, {
      message: 'must be "id:key,id:key" with 32-byte keys',
    }),
});

export type Env = z.infer<typeof envSchema>;

export function decodeKey(value: string): Buffer | undefined {
  const text = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return Buffer.from(text, 'base64');
  return undefined;
}

export function parseKeyList(value: string): Map<string, Buffer> | undefined {
  const keys = new Map<string, Buffer>();
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, key] = part.split(':');
    const bytes = key ? decodeKey(key) : undefined;
    if (!id || bytes?.length !== 32) return undefined;
    keys.set(id, bytes);
  }
  return keys;
}
