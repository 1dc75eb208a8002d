import { spawn } from 'node:child_process';
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

/** Starts a private, non-persistent redis-server on a free loopback port; stopped by the tool's cleanup. */
export async function startLocalRedis(): Promise<string> {
  const binary = await redisServerBinary();
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', os.tmpdir(), '--daemonize', 'no', '--loglevel', 'warning');
  const output = tail();
  const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', output.push);
  child.stderr.on('data', output.push);
  const forget = recordService({ name: 'redis-server', pid: child.pid ?? 0, signal: 'SIGTERM' });
  onCleanup('redis-server', async () => {
    await stopChild(child, 'SIGTERM', 10_000);
    forget();
  });
  const url = `redis://127.0.0.1:${port}`;
  await waitUntil('redis-server', () => pingRedis(url), { timeoutMs: 30_000, child, output: output.text });
  step(`Redis started on 127.0.0.1:${port}`);
  return url;
}
