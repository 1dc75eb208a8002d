import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { type AppConfig, loadConfig } from '#libs/config';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { AdminCommands } from '../../../apps/cli/src/admin-commands.js';
import { CliModule } from '../../../apps/cli/src/cli.module.js';
import {
  DEFAULT_SIM_TOKEN,
  type RepoSpec,
  type RunningSimulator,
  type ServerProfile,
  startSimulator,
} from '../../../apps/github-sim/src/index.js';
import { startWorker } from '../../../apps/worker/src/bootstrap.js';
import { type TestDatabase, createTestDatabase, testPool } from '../../support/database.js';
import { type TestRedis, createTestRedis } from '../../support/redis.js';

export interface TestSystem {
  config: AppConfig;
  /** The environment the system was configured from (for worker processes started by a test). */
  env: Record<string, string>;
  sim: RunningSimulator;
  apiUrl: string;
  /** The API application (for tests that inspect its router). */
  api: INestApplication;
  db: pg.Pool;
  admin: AdminCommands;
  /** Stops everything the system started and drops its database and Redis keys. */
  close(): Promise<void>;
  startWorker(): Promise<INestApplicationContext>;
}

/**
 * The real system in-process: a fresh database and Redis prefix, the simulator over real HTTP,
 * the API on an ephemeral port and a worker.
 */
export async function startSystem(options: {
  repos: RepoSpec[];
  seed?: number;
  /** Extra environment; a function gets the started simulator (for its URL) and the test database. */
  env?: Record<string, string> | ((sim: RunningSimulator, database: TestDatabase) => Record<string, string>);
  worker?: boolean;
  /** Which GitHub MCP server the simulator plays (default: the snapshot). */
  profile?: Partial<ServerProfile>;
}): Promise<TestSystem> {
  const database: TestDatabase = await createTestDatabase();
  const redis: TestRedis = createTestRedis();
  const sim = await startSimulator({
    port: 0,
    seed: options.seed ?? 7,
    repos: options.repos,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: redis.prefix,
    ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    MCP_GITHUB_SERVER_URL: sim.mcpUrl,
    MCP_RETRY_DELAY: '0.05',
    MCP_MAX_RETRIES: '1',
    QUEUE_JOB_BACKOFF_MS: '100',
    API_HOST: '127.0.0.1',
    WORKER_PORT: '0', // each worker's health/metrics port on a free port (parallel test files)
    ...(typeof options.env === 'function' ? options.env(sim, database) : options.env),
  };
  const config = loadConfig(env);
  const { app, url } = await startApi(config, 0);
  const workers: INestApplicationContext[] = [];
  const cli = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error'] });
  const db = testPool(database.url, 2);
  const system: TestSystem = {
    config,
    env,
    sim,
    apiUrl: url,
    api: app,
    db,
    admin: cli.get(AdminCommands),
    startWorker: async () => {
      const worker = await startWorker(config);
      workers.push(worker);
      return worker;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await closeApp(app);
      await cli.close();
      await db.end();
      await sim.close();
      await redis.cleanup();
      await database.drop();
    },
  };
  if (options.worker !== false) await system.startWorker();
  return system;
}

async function closeApp(app: INestApplication): Promise<void> {
  await app.close();
}

/** Workspace "acme" with an admin token, project WEB, the simulator's token and the given repositories. */
export async function seedWorkspace(system: TestSystem, repos: string[], slug = 'acme') {
  const { admin } = system;
  await admin.createWorkspace(slug, 'Acme');
  await admin.addUser({ workspace: slug, email: `admin@${slug}.test`, name: 'Admin', role: 'admin' });
  await admin.addUser({ workspace: slug, email: `member@${slug}.test`, name: 'Member', role: 'member' });
  const adminToken = (await admin.createToken({ workspace: slug, email: `admin@${slug}.test`, name: 't' }))
    .token;
  const memberToken = (await admin.createToken({ workspace: slug, email: `member@${slug}.test`, name: 't' }))
    .token;
  const { project_id: projectId } = await admin.createProject({
    workspace: slug,
    name: 'Web',
    identifier: 'WEB',
  });
  await admin.connectToken({ workspace: slug, token: DEFAULT_SIM_TOKEN });
  for (const repository of repos) await admin.connectRepository({ workspace: slug, repository, projectId });
  return { slug, adminToken, memberToken, projectId };
}

export function http(baseUrl: string, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...extra,
  });
  return {
    get: async (path: string) => {
      const res = await fetch(baseUrl + path, { headers: headers() });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    post: async (path: string, body: unknown) => {
      const res = await fetch(baseUrl + path, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json' }),
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
  };
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
