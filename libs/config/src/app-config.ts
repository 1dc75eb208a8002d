import { type Env, decodeKey, envSchema, parseKeyList } from './env.schema.js';
import type { TrustProxy } from './trust-proxy.js';

export interface AppConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string;
  /** Statement timeout (server side; the client waits 1 s more) and connection wait, in ms. */
  database: { statementTimeoutMs: number; connectTimeoutMs: number };
  redisUrl: string;
  queue: {
    prefix: string;
    attempts: number;
    backoffMs: number;
    /** BullMQ job lock; a worker killed mid-job has its job picked up after about this long. */
    lockDurationMs: number;
    stalledIntervalMs: number;
  };
  retention: { syncJobDays: number; webhookEventDays: number };
  api: {
    host: string;
    port: number;
    prefix: string;
    publicBaseUrl: string | undefined;
    /** Idempotency-Key lease of a running request (renewed while it runs). */
    idempotencyLeaseMs: number;
    sseHeartbeatMs: number;
  };
  /** `heapGrowingPercent`: V8's heap growing factor for the worker process (apps/worker/src/heap-growth.ts). */
  worker: { port: number; concurrency: number; heapGrowingPercent: number };
  /** Graceful stop: drain timeout (API requests, worker jobs) and the API's readiness-503 delay. */
  shutdown: { timeoutMs: number; delayMs: number };
  /** Slugs whose workspace admins may open the queue dashboard; empty = nobody may (the default). */
  queueDashboardWorkspaces: string[];
  /** The queue dashboard shows queues and jobs but refuses every action (retry, remove, clean, pause). */
  queueDashboardReadOnly: boolean;
  /** Webhook ingestion: the API's relay period (committed-but-unqueued events) and worker concurrency. */
  webhooks: { relayIntervalMs: number; workerConcurrency: number; maxUnverifiedBodies: number };
  github: {
    oauth: { clientId: string; clientSecret: string; callbackUrl: string | undefined } | undefined;
    app: { appId: string; privateKey: string } | undefined;
    webhookSecrets: string[];
    oauthBaseUrl: string;
    apiBaseUrl: string;
  };
  mcp: {
    serverUrl: string;
    timeoutMs: number;
    maxRetries: number;
    retryDelayMs: number;
    textEncoding: 'auto' | 'html-escaped' | 'verbatim' | 'verbatim-angles-escaped';
    toolsets: string[];
  };
  sync: {
    enabled: boolean;
    maxBatchSize: number;
    defaultIntervalSeconds: number;
    periodicExpiresSeconds: number;
    commentConcurrency: number;
    rateLimitWaitMs: number;
    /** Closed issues updated less than this before their search answer are read with issue_read get. */
    searchLagMs: number;
    /** Longest wait for the search bucket before falling back to issue_read get. */
    searchMaxWaitMs: number;
  };
  secrets: { activeKeyId: string; keys: ReadonlyMap<string, Buffer> };
  /** Outbound GitHub writes: per-token pace and concurrency (shared in Redis), debounce of local edits. */
  githubWrites: { perMinute: number; concurrencyPerToken: number; debounceMs: number };
  /** Requests per window and caller (API token, client IP); 0 = no limit. */
  rateLimit: { windowSeconds: number; perToken: number; perIp: number };
  /** Proxies whose X-Forwarded-* headers count (TRUST_PROXY): none, a hop count, or their addresses. */
  trustProxy: TrustProxy;
}

/**
 * ENABLE_GITHUB_MCP_INTEGRATION. When false: integration routes answer 503 `integration_disabled`;
 * webhook deliveries are still stored (sync events end `ignored`); the worker runs no processor on the
 * sync queue and registers no periodic-sync schedule; health, metrics and the issues API stay up.
 * Check this (or `config.sync.enabled`) wherever integration work starts.
 */
export function integrationEnabled(config: Pick<AppConfig, 'sync'>): boolean {
  return config.sync.enabled;
}

/** Thrown when the environment is invalid; the message names every offending variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type RawEnv = Record<string, string | undefined>;

export function loadConfig(raw: RawEnv): AppConfig {
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const missing = raw[name] === undefined || raw[name] === '';
        return missing ? `${name} is required` : `${name} ${issue.message}`;
      }),
    );
  }
  const env = parsed.data;
  const problems: string[] = [];
  if (Boolean(env.GITHUB_CLIENT_ID) !== Boolean(env.GITHUB_CLIENT_SECRET)) {
    problems.push('GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET must be set together');
  }
  if (Boolean(env.GITHUB_APP_ID) !== Boolean(env.GITHUB_APP_PRIVATE_KEY)) {
    problems.push('GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY must be set together');
  }
  const appKey = env.GITHUB_APP_PRIVATE_KEY ? decodePem(env.GITHUB_APP_PRIVATE_KEY) : undefined;
  if (env.GITHUB_APP_PRIVATE_KEY && !appKey) {
    problems.push('GITHUB_APP_PRIVATE_KEY must be a PEM private key or its base64 encoding');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const keys = new Map(parseKeyList(env.ENCRYPTION_OLD_KEYS ?? '') ?? []);
  // Not a valid ENCRYPTION_KEY_ID, so it names no ciphertext: tried after the key a ciphertext names.
  if (env.ENCRYPTION_KEY_PREVIOUS) keys.set('(previous)', decodeKey(env.ENCRYPTION_KEY_PREVIOUS) as Buffer);
  keys.set(env.ENCRYPTION_KEY_ID, decodeKey(env.ENCRYPTION_KEY) as Buffer);

  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    database: {
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    },
    redisUrl: env.REDIS_URL,
    queue: {
      prefix: env.QUEUE_PREFIX,
      attempts: env.QUEUE_JOB_ATTEMPTS,
      backoffMs: env.QUEUE_JOB_BACKOFF_MS,
      lockDurationMs: env.QUEUE_LOCK_DURATION_MS,
      stalledIntervalMs: env.QUEUE_STALLED_INTERVAL_MS,
    },
    retention: {
      syncJobDays: env.SYNC_JOB_RETENTION_DAYS,
      webhookEventDays: env.WEBHOOK_EVENT_RETENTION_DAYS,
    },
    api: {
      host: env.API_HOST,
      port: env.API_PORT,
      prefix: env.API_PREFIX,
      publicBaseUrl: env.PUBLIC_BASE_URL,
      idempotencyLeaseMs: env.IDEMPOTENCY_LEASE_SECONDS * 1000,
      sseHeartbeatMs: env.SSE_HEARTBEAT_SECONDS * 1000,
    },
    worker: {
      port: env.WORKER_PORT,
      concurrency: env.WORKER_CONCURRENCY,
      heapGrowingPercent: env.WORKER_HEAP_GROWING_PERCENT,
    },
    shutdown: {
      timeoutMs: Math.round(env.SHUTDOWN_TIMEOUT * 1000),
      delayMs: Math.round(env.SHUTDOWN_DELAY * 1000),
    },
    queueDashboardWorkspaces: (env.QUEUE_DASHBOARD_WORKSPACES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    queueDashboardReadOnly: env.QUEUE_DASHBOARD_READ_ONLY,
    webhooks: {
      relayIntervalMs: env.WEBHOOK_RELAY_INTERVAL_MS,
      workerConcurrency: env.WEBHOOK_WORKER_CONCURRENCY,
      maxUnverifiedBodies: env.WEBHOOK_MAX_UNVERIFIED_BODIES,
    },
    github: {
      oauth:
        env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
          ? {
              clientId: env.GITHUB_CLIENT_ID,
              clientSecret: env.GITHUB_CLIENT_SECRET,
              callbackUrl: env.GITHUB_CALLBACK_URL,
            }
          : undefined,
      app: env.GITHUB_APP_ID && appKey ? { appId: env.GITHUB_APP_ID, privateKey: appKey } : undefined,
      webhookSecrets: (env.GITHUB_WEBHOOK_SECRET ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      oauthBaseUrl: env.GITHUB_OAUTH_BASE_URL.replace(/\/+$/, ''),
      apiBaseUrl: env.GITHUB_API_BASE_URL.replace(/\/+$/, ''),
    },
    mcp: {
      serverUrl: env.MCP_GITHUB_SERVER_URL,
      timeoutMs: Math.round(env.MCP_CONNECTION_TIMEOUT * 1000),
      maxRetries: env.MCP_MAX_RETRIES,
      retryDelayMs: Math.round(env.MCP_RETRY_DELAY * 1000),
      textEncoding: env.MCP_GITHUB_TEXT_ENCODING,
      toolsets: env.MCP_GITHUB_TOOLSETS.split(',').filter(Boolean),
    },
    sync: {
      enabled: env.ENABLE_GITHUB_MCP_INTEGRATION,
      maxBatchSize: env.GITHUB_MCP_MAX_SYNC_BATCH_SIZE,
      defaultIntervalSeconds: env.GITHUB_MCP_DEFAULT_SYNC_INTERVAL,
      periodicExpiresSeconds: env.PERIODIC_SYNC_EXPIRES_SECONDS,
      commentConcurrency: env.GITHUB_MCP_COMMENT_CONCURRENCY,
      rateLimitWaitMs: env.GITHUB_MCP_RATE_LIMIT_WAIT * 1000,
      searchLagMs: env.GITHUB_SEARCH_LAG_SECONDS * 1000,
      searchMaxWaitMs: env.GITHUB_SEARCH_MAX_WAIT_SECONDS * 1000,
    },
    secrets: { activeKeyId: env.ENCRYPTION_KEY_ID, keys },
    githubWrites: {
      perMinute: env.GITHUB_WRITES_PER_MINUTE,
      concurrencyPerToken: env.GITHUB_WRITE_CONCURRENCY_PER_TOKEN,
      debounceMs: env.SYNC_ISSUE_DEBOUNCE_MS,
    },
    rateLimit: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      perToken: env.RATE_LIMIT_PER_TOKEN,
      perIp: env.RATE_LIMIT_PER_IP,
    },
    trustProxy: env.TRUST_PROXY,
  };
}

function decodePem(value: string): string | undefined {
  const text = value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('utf8');
  const pem = text.replace(/\\n/g, '\n').trim();
  return /^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----$/.test(pem)
    ? pem
    : undefined;
}
