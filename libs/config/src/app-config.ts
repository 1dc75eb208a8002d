import { type Env, decodeKey, envSchema, parseKeyList } from './env.schema.js';

export interface AppConfig {
  env: Env['NODE_ENV'];
  logLevel: Env['LOG_LEVEL'];
  databaseUrl: string;
  redisUrl: string;
  queue: { prefix: string; attempts: number; backoffMs: number };
  api: { host: string; port: number; prefix: string; publicBaseUrl: string | undefined };
  worker: { port: number; concurrency: number };
  github: {
    oauth: { clientId: string; clientSecret: string; callbackUrl: string | undefined } | undefined;
    app: { appId: string; privateKey: string } | undefined;
    webhookSecrets: string[];
    oauthBaseUrl: string;
    apiBaseUrl: string;
  };
  mcp: { serverUrl: string; timeoutMs: number; maxRetries: number; retryDelayMs: number };
  sync: {
    enabled: boolean;
    maxBatchSize: number;
    defaultIntervalSeconds: number;
    commentConcurrency: number;
  };
  secrets: { activeKeyId: string; keys: ReadonlyMap<string, Buffer> };
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
  keys.set(env.ENCRYPTION_KEY_ID, decodeKey(env.ENCRYPTION_KEY) as Buffer);

  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    queue: {
      prefix: env.QUEUE_PREFIX,
      attempts: env.QUEUE_JOB_ATTEMPTS,
      backoffMs: env.QUEUE_JOB_BACKOFF_MS,
    },
    api: {
      host: env.API_HOST,
      port: env.API_PORT,
      prefix: env.API_PREFIX,
      publicBaseUrl: env.PUBLIC_BASE_URL,
    },
    worker: { port: env.WORKER_PORT, concurrency: env.WORKER_CONCURRENCY },
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
    },
    sync: {
      enabled: env.ENABLE_GITHUB_MCP_INTEGRATION,
      maxBatchSize: env.GITHUB_MCP_MAX_SYNC_BATCH_SIZE,
      defaultIntervalSeconds: env.GITHUB_MCP_DEFAULT_SYNC_INTERVAL,
      commentConcurrency: env.GITHUB_MCP_COMMENT_CONCURRENCY,
    },
    secrets: { activeKeyId: env.ENCRYPTION_KEY_ID, keys },
  };
}

function decodePem(value: string): string | undefined {
  const text = value.includes('-----BEGIN') ? value : Buffer.from(value, 'base64').toString('utf8');
  const pem = text.replace(/\\n/g, '\n').trim();
  return /^-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]+-----END [A-Z ]*PRIVATE KEY-----$/.test(pem)
    ? pem
    : undefined;
}
