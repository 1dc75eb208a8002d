import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { onCleanup } from './lifecycle.js';
import { dataDir, repoRoot } from './paths.js';
import { stopChild, tail, waitUntil } from './proc.js';

export interface AppProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts one of the project's compiled entries (`dist/<entry>.js`) as a child process with its output in
 * `.data/logs/<name>.log`, waits until `ready` answers true, and stops it on cleanup.
 */
export async function startApp(options: {
  name: string;
  entry: string;
  args?: string[];
  /** Options for node itself, before the entry (e.g. `--max-old-space-size=64`). */
  nodeArgs?: string[];
  env: Record<string, string>;
  ready: () => Promise<boolean>;
  timeoutMs?: number;
  /** The tree holding `dist/` (also the cwd); default the repository. */
  root?: string;
  /** Only `env`, not this process's environment. */
  cleanEnv?: boolean;
  uid?: number;
  gid?: number;
}): Promise<AppProcess> {
  const logs = path.join(dataDir, 'logs');
  mkdirSync(logs, { recursive: true });
  const logFile = path.join(logs, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const recent = tail();
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      // PROFILE_DIR=<dir>: every child writes a V8 CPU profile there on exit (chrome://inspect, speedscope).
      ...(process.env['PROFILE_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['PROFILE_DIR']}`] : []),
      ...(options.nodeArgs ?? []),
      path.join(options.root ?? repoRoot, 'dist', `${options.entry}.js`),
      ...(options.args ?? []),
    ],
    {
      env: options.cleanEnv ? options.env : { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.root ? { cwd: options.root } : {}),
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid ?? options.uid } : {}),
    },
  );
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      recent.push(chunk);
    });
  }
  const stop = async () => {
    await stopChild(child);
    log.end();
  };
  onCleanup(`stop ${options.name}`, stop);
  await waitUntil(options.name, options.ready, {
    timeoutMs: options.timeoutMs ?? 30_000,
    child,
    output: () => recent.text(),
  });
  return { name: options.name, child, logFile, stop };
}

/** True when GET url answers with any HTTP status below 500. */
export async function httpUp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return response.status < 500;
  } catch {
    return false;
  }
}
