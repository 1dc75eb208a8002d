import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import { onCleanup } from './lifecycle.js';
import { PrerequisiteError, step } from './log.js';
import { recordService } from './orphans.js';
import { aptInstall, freePort, stopChild, tail, waitUntil, which } from './proc.js';

/** Sends PING over a raw socket; true on +PONG (or an auth error, which still proves a live server). */
export function pingRedis(url: string, timeoutMs = 2000): Promise<boolean> {
  const parsed = new URL(url);
  if (parsed.protocol === 'rediss:') return Promise.resolve(true); // TLS: left to the client to check
  return new Promise((resolve) => {
    const socket = net.connect({ host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || 6379) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

async function redisServerBinary(): Promise<string> {
  const extra = ['/usr/bin', '/usr/sbin', '/usr/local/bin'];
  const found = which('redis-server', extra);
  if (found) return found;
  if (await aptInstall(['redis-server'])) {
    const installed = which('redis-server', extra);
    if (installed) return installed;
  }
  throw new PrerequisiteError(
    'redis-server was not found: install Redis 6.2+ (Debian/Ubuntu: sudo apt-get install redis-server) ' +
      'or set REDIS_URL to a running Redis.',
  );
}

/** A redis-server started by this tool; `kill` and `restart` are for fault benchmarks (bench/faults.ts). */
export interface LocalRedis {
  url: string;
  /** Sends a signal to the server (SIGKILL: a crash, SIGSTOP/SIGCONT: a pause). */
  kill(signal: NodeJS.Signals): void;
  /** Starts the server again on the same port (empty: it keeps nothing) and waits until it answers PING. */
  restart(): Promise<void>;
}

/** Starts a private, non-persistent redis-server on a free loopback port; stopped by the tool's cleanup. */
export async function startLocalRedis(): Promise<LocalRedis> {
  const binary = await redisServerBinary();
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', os.tmpdir(), '--daemonize', 'no', '--loglevel', 'warning');
  let child: ChildProcess | undefined;
  let forget = (): void => undefined;
  const launch = async (): Promise<void> => {
    const output = tail();
    const started = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout.on('data', output.push);
    started.stderr.on('data', output.push);
    child = started;
    forget();
    forget = recordService({ name: 'redis-server', pid: started.pid ?? 0, signal: 'SIGTERM' });
    await waitUntil('redis-server', () => pingRedis(url), {
      timeoutMs: 30_000,
      child: started,
      output: output.text,
    });
  };
  onCleanup('redis-server', async () => {
    if (child) await stopChild(child, 'SIGTERM', 10_000);
    forget();
  });
  await launch();
  step(`Redis started on 127.0.0.1:${port}`);
  return {
    url,
    kill: (signal) => child?.kill(signal),
    restart: async () => {
      if (child) await stopChild(child, 'SIGKILL', 1000);
      await launch();
    },
  };
}
