import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { freePort, stopChild, which } from '../../../../scripts/lib/proc.js';
import { pingRedis } from '../../../../scripts/lib/redis.js';

/**
 * A redis-server of the test's own (non-persistent, loopback, free port) that can really be stopped and
 * started again on the same port — the run's shared Redis must not be touched.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;

  private constructor(
    private readonly binary: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const binary = which('redis-server', ['/usr/bin', '/usr/sbin', '/usr/local/bin']);
    if (!binary)
      throw new Error('redis-server is not installed (npm test installs it when it provides Redis)');
    const redis = new PrivateRedis(binary, await freePort());
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Stops the server (SIGTERM, no persistence: its data is gone, like a crashed Redis without AOF). */
  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child, 'SIGTERM', 5000);
    this.child = undefined;
  }

  /** Starts the server again on the same port and waits until it answers PING. */
  async resume(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    args.push('--dir', os.tmpdir(), '--loglevel', 'warning');
    this.child = spawn(this.binary, args, { stdio: 'ignore' });
    const deadline = Date.now() + 15_000;
    while (!(await pingRedis(this.url, 500))) {
      if (Date.now() > deadline) throw new Error(`private redis-server on port ${this.port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
