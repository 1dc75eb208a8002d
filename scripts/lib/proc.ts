import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { accessSync, constants, existsSync, writeFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { isStopping, onCleanup } from './lifecycle.js';
import { step } from './log.js';

/** Finds an executable on PATH, then in the extra directories given. */
export function which(command: string, extraDirs: string[] = []): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Asks the OS for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ExitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Waits for a child to exit; a signal death counts as 128 + signal number (like a shell). */
export function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    if (child.signalCode !== null) return resolve(128 + 15);
    child.once('error', () => resolve(127));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
  });
}

/** Stops a child: sends `signal`, escalates to SIGKILL after `graceMs`. */
export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  graceMs = 10_000,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = waitForExit(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a command with inherited stdio (killed if the tool stops early); resolves with its exit code. */
export async function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  if (isStopping()) return 130;
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  const label = `${path.basename(command)} ${args[0] ?? ''}`.trim();
  onCleanup(label, () => stopChild(child));
  return waitForExit(child);
}

/** Runs a command and collects its output. */
export function capture(command: string, args: string[], options: SpawnOptions = {}): Promise<ExitResult> {
  if (isStopping()) return Promise.resolve({ code: 130, stdout: '', stderr: '' });
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    onCleanup(`${path.basename(command)} ${args[0] ?? ''}`.trim(), () => stopChild(child));
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => resolve({ code: 127, stdout, stderr: stderr + error.message }));
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

let aptUpdated = false;

/**
 * Installs Debian packages when running as root on a machine with apt-get; returns false when it cannot.
 * Services are kept from starting during the install (a temporary policy-rc.d), since this tool starts
 * its own instances on free ports.
 */
export async function aptInstall(packages: string[]): Promise<boolean> {
  if (!isRoot() || !which('apt-get')) return false;
  step(`installing ${packages.join(', ')} with apt-get (one-time)`);
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const options: SpawnOptions = {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    };
    if (!aptUpdated && (await run('apt-get', ['update', '-qq'], options)) !== 0) return false;
    aptUpdated = true;
    return (
      (await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], options)) === 0
    );
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
}

/** Polls `probe` until it resolves true or the child exits / the timeout passes. */
export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  options: { timeoutMs: number; child?: ChildProcess; output?: () => string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (options.child && (options.child.exitCode !== null || options.child.signalCode !== null)) {
      throw new Error(`${what} exited during start-up:\n${options.output?.() ?? ''}`);
    }
    if (await probe()) return;
    if (Date.now() > deadline)
      throw new Error(
        `${what} did not become ready in ${options.timeoutMs / 1000} s:\n${options.output?.() ?? ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Keeps the last `max` characters of a stream, for error messages. */
export function tail(max = 4000): { push(chunk: Buffer): void; text(): string } {
  let text = '';
  return {
    push: (chunk) => {
      text = (text + chunk.toString()).slice(-max);
    },
    text: () => text,
  };
}
