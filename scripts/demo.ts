import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#libs/config';
import { AdminCommands } from '../apps/cli/src/admin-commands.js';
import { CliModule } from '../apps/cli/src/cli.module.js';
import { DEFAULT_SIM_TOKEN } from '../apps/github-sim/src/index.js';
import { httpUp, startApp } from './lib/app-process.js';
import { runMain } from './lib/lifecycle.js';
import { step } from './lib/log.js';
import { dataDir } from './lib/paths.js';
import { freePort } from './lib/proc.js';
import { provideServices } from './lib/services.js';
import { DemoApiClient, type IssueView, type JobView } from './demo/api-client.js';

/**
 * `npm run demo [-- --once]`: the whole system against the GitHub simulator — services, simulator, API,
 * worker, a seeded workspace, one manual sync with live progress, then the final status.
 */
const once = process.argv.includes('--once');
const REPO = { owner: 'acme', name: 'web', issues: 300, comments: 900, pullRequests: 25 };

function demoEncryptionKey(): string {
  const file = path.join(dataDir, 'demo-encryption.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function seed(env: Record<string, string>) {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig(env)), {
    logger: ['error'],
  });
  try {
    const admin = app.get(AdminCommands);
    await admin.createWorkspace('demo', 'Demo workspace');
    await admin.addUser({ workspace: 'demo', email: 'admin@demo.test', name: 'Demo Admin', role: 'admin' });
    const { token } = await admin.createToken({ workspace: 'demo', email: 'admin@demo.test', name: 'demo' });
    const project = await admin.createProject({ workspace: 'demo', name: 'Web', identifier: 'WEB' });
    await admin.connectToken({ workspace: 'demo', token: DEFAULT_SIM_TOKEN });
    await admin.connectRepository({
      workspace: 'demo',
      repository: `${REPO.owner}/${REPO.name}`,
      projectId: project.project_id,
    });
    const signin = await admin.createSigninLink({ workspace: 'demo', email: 'admin@demo.test' });
    return { token, projectId: project.project_id, signinUrl: signin.url };
  } finally {
    await app.close();
  }
}

async function follow(api: DemoApiClient, jobId: string): Promise<JobView> {
  let last = '';
  for (;;) {
    const job = await api.get<JobView>(`/workspaces/demo/integrations/github-mcp/sync-jobs/${jobId}/`);
    const line = `  ${job.status.padEnd(9)} ${String(job.progress).padStart(3)}%  ${job.items_synced}/${job.items_total} issues synced, ${job.items_failed} failed`;
    if (line !== last) process.stdout.write(`${line}\n`);
    last = line;
    if (['completed', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

await runMain(async () => {
  const { databaseUrl, redisUrl } = await provideServices({
    postgres: true,
    redis: true,
    database: 'gms_demo',
  });
  const [simPort, apiPort] = [await freePort(), await freePort()];
  const simUrl = `http://127.0.0.1:${simPort}`;
  const env: Record<string, string> = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    ENCRYPTION_KEY: demoEncryptionKey(),
    MCP_GITHUB_SERVER_URL: `${simUrl}/mcp`,
    API_PORT: String(apiPort),
    WORKER_PORT: String(await freePort()),
    API_HOST: '127.0.0.1',
    QUEUE_DASHBOARD_WORKSPACES: 'demo', // the dashboard is closed unless workspaces are named
  };

  step(
    `starting the GitHub simulator (${REPO.owner}/${REPO.name}: ${REPO.issues} issues, ${REPO.comments} comments)`,
  );
  const spec = `${REPO.owner}/${REPO.name}:${REPO.issues}:${REPO.comments}:${REPO.pullRequests}`;
  await startApp({
    name: 'github-sim',
    entry: 'apps/github-sim/src/main',
    args: ['--port', String(simPort), '--seed', '42', '--repos', spec],
    env: {},
    ready: () => httpUp(`${simUrl}/_admin/stats`),
  });
  step('starting the API and the worker');
  const apiBase = `http://127.0.0.1:${apiPort}/api`;
  await startApp({
    name: 'api',
    entry: 'apps/api/src/main',
    env,
    ready: () => httpUp(`${apiBase}/health/live`),
  });
  await startApp({ name: 'worker', entry: 'apps/worker/src/main', env, ready: async () => true });

  step('seeding workspace "demo", an admin token, project WEB, the GitHub connection and the repository');
  const { token, projectId, signinUrl } = await seed(env);
  const api = new DemoApiClient(apiBase, token);

  step('POST /api/workspaces/demo/integrations/github-mcp/sync/ (full sync)');
  const started = Date.now();
  const { status, body } = await api.post<{ job_id: string }>(
    '/workspaces/demo/integrations/github-mcp/sync/',
    {
      force: true,
    },
  );
  process.stdout.write(`  answered ${status}: job ${body.job_id}\n`);
  const job = await follow(api, body.job_id);
  const seconds = (Date.now() - started) / 1000;
  const issues = await api.get<{ total: number; results: IssueView[] }>(
    `/workspaces/demo/projects/${projectId}/issues/?per_page=3`,
  );

  process.stdout.write(`\nSync ${job.status} in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(
    `  items: ${job.items_synced} synced, ${job.items_failed} failed of ${job.items_total}\n`,
  );
  if (job.error_message) process.stdout.write(`  error: ${job.error_message}\n`);
  process.stdout.write(`  summary: ${JSON.stringify(job.metadata.summary ?? {})}\n`);
  process.stdout.write(`  issues visible through the API: ${issues.total}\n`);
  for (const issue of issues.results) {
    process.stdout.write(
      `    WEB-${issue.sequence_id} [${issue.state}] ${issue.title} (${issue.comment_count} comments, ${issue.github?.url})\n`,
    );
  }
  process.stdout.write(`\nLook at:
  status:   curl -H 'Authorization: Bearer ${token}' ${apiBase}/workspaces/demo/integrations/github-mcp/status/
  issues:   curl -H 'Authorization: Bearer ${token}' '${apiBase}/workspaces/demo/projects/${projectId}/issues/?per_page=5'
  sync:     curl -X POST -H 'Authorization: Bearer ${token}' ${apiBase}/workspaces/demo/integrations/github-mcp/sync/
  health:   ${apiBase}/health/
  API docs: ${apiBase}/docs   metrics: http://127.0.0.1:${apiPort}/metrics (worker: http://127.0.0.1:${env.WORKER_PORT}/metrics)
  queues:   ${apiBase}/admin/queues?token=${token}
  console:  http://127.0.0.1:${apiPort}/console/
  sign in:  ${signinUrl}   (single use, valid 10 minutes; or paste the token above)
  simulator admin: ${simUrl}/_admin/stats   (logs in .data/logs/)
`);
  if (job.status !== 'completed') return 1;
  if (once) return 0;
  step('serving; press Ctrl-C to stop');
  await new Promise(() => setInterval(() => undefined, 1 << 30));
  return 0;
});
