import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/paths.js';

export interface EntryProcess {
  child: ChildProcess;
  /** stdout + stderr so far. */
  output(): string;
  /** Resolves with the output once it matches; rejects on timeout or exit. */
  waitForOutput(pattern: RegExp | string, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends `signal` (default SIGTERM), SIGKILL after 10 s; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<EntryProcess>();

/**
 * Starts a built entry (`apps/api/src/main` → `node dist/apps/api/src/main.js`) with the test's env.
 * `npm test` builds dist/ before jest runs.
 */
export function startEntry(
  entry: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): EntryProcess {
  const file = path.join(repoRoot, 'dist', `${entry.replace(/\.(ts|js)$/, '')}.js`);
  if (!existsSync(file))
    throw new Error(
      `${path.relative(repoRoot, file)} does not exist: run tests through \`npm test\`, which builds dist/.`,
    );
  const child = spawn(process.execPath, ['--enable-source-maps', file, ...(options.args ?? [])], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const handle: EntryProcess = {
    child,
    output: () => output,
    exited,
    waitForOutput: (pattern, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const matches = (): boolean =>
          typeof pattern === 'string' ? output.includes(pattern) : pattern.test(output);
        const finish = (error?: Error): void => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(output);
        };
        const check = (): void => {
          if (matches()) finish();
        };
        const timer = setTimeout(
          () => finish(new Error(`timed out waiting for ${pattern} from ${entry}; output:\n${output}`)),
          timeoutMs,
        );
        listeners.add(check);
        void exited.then(
          (code) =>
            !matches() &&
            finish(new Error(`${entry} exited (${code}) before printing ${pattern}; output:\n${output}`)),
        );
        check();
      }),
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const code = await exited;
      clearTimeout(timer);
      running.delete(handle);
      return code;
    },
  };
  running.add(handle);
  return handle;
}

/** Stops every entry started by this test file (for afterAll). */
export async function stopAllEntries(): Promise<void> {
  await Promise.all([...running].map((entry) => entry.stop()));
}
