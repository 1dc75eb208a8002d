import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { DEFAULT_SIM_TOKEN } from '../../../apps/github-sim/src/index.js';
import { httpUp, startApp, type AppProcess } from '../app-process.js';
import { step } from '../log.js';
import { freePort, isRoot, tail, waitForExit } from '../proc.js';
import type { ReplayedStage } from './replay.js';
import { hostPath } from './replay.js';

/**
 * Runs the image's runtime stage as the container would: from its root only (its WORKDIR as the cwd, its
 * ENV), as an unprivileged user, with the files read-only: migrate, start the simulator, the API and the
 * worker from that tree, seed a workspace with the image's CLI, sync a repository and read it back.
 */
export interface SmokeResult {
  ok: boolean;
  /** The step that failed, with the process output that says why. */
  failure?: string;
  issues?: number;
}

const REPO = { owner: 'acme', name: 'image', issues: 120, comments: 240 };

interface Account {
  uid?: number;
  gid?: number;
  name: string;
}

/** The Dockerfile's USER where this machine has it, otherwise `nobody`; as a non-root user, oneself. */
export function runtimeAccount(user: string | undefined): Account {
  if (!isRoot()) return { name: 'the current user (not root: cannot switch)' };
  for (const name of [user, 'nobody']) {
    if (!name || name === 'root') continue;
    try {
      const uid = Number(
        execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      );
      const gid = Number(
        execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
      );
      return { uid, gid, name };
    } catch {
      // no such user here
    }
  }
  throw new Error('no unprivileged user to run the image as (not even nobody)');
}

/** Owned by root and read-only for everybody: the runtime user can read and execute, never write. */
export function makeReadOnly(root: string): void {
  execFileSync('chmod', ['-R', 'a-w,a+rX', root]);
}

async function runOnce(
  stage: ReplayedStage,
  account: Account,
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number; stdout: string; output: string }> {
  const child = spawn(process.execPath, args, {
    cwd: hostPath(stage, '.'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(account.uid !== undefined ? { uid: account.uid, gid: account.gid } : {}),
  });
  const output = tail(3000);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => ((stdout += chunk.toString()), output.push(chunk)));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await waitForExit(child);
  return { code, stdout, output: output.text() };
}

export async function smokeRun(
  stage: ReplayedStage,
  services: { databaseUrl: string; redisUrl: string },
  label: string,
): Promise<SmokeResult> {
  const account = runtimeAccount(stage.user);
  const [simPort, apiPort, workerPort] = [await freePort(), await freePort(), await freePort()];
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: '/nonexistent',
    ...stage.env,
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MCP_GITHUB_SERVER_URL: `http://127.0.0.1:${simPort}/mcp`,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    WORKER_PORT: String(workerPort),
    LOG_LEVEL: 'warn',
  };
  const started: AppProcess[] = [];
  const fail = (failure: string): SmokeResult => ({ ok: false, failure });
  const app = (name: string, entry: string, appArgs: string[], ready: () => Promise<boolean>) =>
    startApp({
      name: `image-${label}-${name}`,
      entry,
      root: hostPath(stage, '.'),
      args: appArgs,
      env,
      cleanEnv: true,
      ...(account.uid !== undefined ? { uid: account.uid, gid: account.gid! } : {}),
      ready,
    }).then((process) => void started.push(process));
  const cli = async (...args: string[]) => {
    const result = await runOnce(stage, account, { ...env, GITHUB_TOKEN: DEFAULT_SIM_TOKEN }, [
      'dist/apps/cli/src/main.js',
      ...args,
    ]);
    if (result.code !== 0) throw new Error(`cli ${args[0]} exited ${result.code}:\n${result.output}`);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };
  try {
    step(
      `[${label}] as ${account.name}: migrate, simulator, API, worker, seed, sync (from the runtime tree)`,
    );
    const migrate = await runOnce(stage, account, env, ['dist/scripts/db-migrate.js']);
    if (migrate.code !== 0) return fail(`db-migrate exited ${migrate.code}:\n${migrate.output}`);
    const spec = `${REPO.owner}/${REPO.name}:${REPO.issues}:${REPO.comments}:5`;
    const simArgs = ['--port', String(simPort), '--seed', '7', '--repos', spec];
    await app('github-sim', 'apps/github-sim/src/main', simArgs, () =>
      httpUp(`http://127.0.0.1:${simPort}/_admin/stats`),
    );
    const apiBase = `http://127.0.0.1:${apiPort}/api`;
    await app('api', 'apps/api/src/main', [], () => httpUp(`${apiBase}/health/live`));
    await app('worker', 'apps/worker/src/main', [], () =>
      httpUp(`http://127.0.0.1:${workerPort}/health/live`),
    );
    await cli('create-workspace', '--slug', 'image', '--name', 'Image check');
    await cli(
      'add-user',
      '--workspace',
      'image',
      '--email',
      'a@image.test',
      '--name',
      'A',
      '--role',
      'admin',
    );
    const { token } = await cli('create-token', '--workspace', 'image', '--email', 'a@image.test');
    const project = await cli(
      'create-project',
      '--workspace',
      'image',
      '--name',
      'Image',
      '--identifier',
      'IMG',
    );
    await cli('connect-token', '--workspace', 'image');
    await cli(
      'connect-repo',
      '--workspace',
      'image',
      '--repo',
      `${REPO.owner}/${REPO.name}`,
      '--project',
      String(project['project_id']),
    );
    const headers = { authorization: `Bearer ${String(token)}`, 'content-type': 'application/json' };
    const base = `${apiBase}/workspaces/image/integrations/github-mcp`;
    const sync = await fetch(`${base}/sync/`, { method: 'POST', headers, body: '{"force":true}' });
    const { job_id: jobId } = (await sync.json()) as { job_id: string };
    const deadline = Date.now() + 120_000;
    for (;;) {
      const job = (await (await fetch(`${base}/sync-jobs/${jobId}/`, { headers })).json()) as {
        status: string;
        error_message?: string;
      };
      if (job.status === 'completed') break;
      if (['failed', 'cancelled'].includes(job.status) || Date.now() > deadline)
        return fail(`sync ${job.status}: ${job.error_message ?? 'timed out'}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const issuesUrl = `${apiBase}/workspaces/image/projects/${String(project['project_id'])}/issues/?per_page=1`;
    const { total } = (await (await fetch(issuesUrl, { headers })).json()) as { total: number };
    if (total !== REPO.issues) return fail(`synced ${total} issues, the simulator has ${REPO.issues}`);
    return { ok: true, issues: total };
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  } finally {
    for (const process of started.reverse()) await process.stop();
  }
}
