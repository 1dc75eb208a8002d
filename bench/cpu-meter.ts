import { readFileSync, readdirSync } from 'node:fs';
import { Redis } from 'ioredis';
import type pg from 'pg';

/** User + system CPU seconds and the parent pid of a process (Linux /proc); undefined once it is gone. */
function stat(pid: number): { cpu: number; ppid: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return { cpu: (Number(fields[11]) + Number(fields[12])) / 100, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds a process has used so far; NaN when it is gone. */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  return stat(pid)?.cpu ?? NaN;
}

/** CPU seconds of a process and its children (Postgres: the postmaster and its backends). */
function treeCpu(root: number): number {
  let total = stat(root)?.cpu ?? 0;
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === root) continue;
    const s = stat(pid);
    if (s?.ppid === root) total += s.cpu;
  }
  return total;
}

export type CpuSample = Record<'api' | 'worker' | 'postgres' | 'redis' | 'bench', number>;

/**
 * CPU used by each part of the system, to split a phase's cost per delivery: the API and worker processes,
 * Postgres (postmaster + backends; a backend that exits takes its share with it), Redis, and this process
 * (load generator and floor server).
 */
export async function cpuMeter(parts: {
  api: number;
  worker: number;
  db: pg.Pool;
  redisUrl: string;
}): Promise<() => CpuSample> {
  const { rows } = await parts.db.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
  const postmaster = Number(readFileSync(`${rows[0]?.dir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const redis = new Redis(parts.redisUrl, { lazyConnect: true });
  const info = await redis.info('server');
  redis.disconnect();
  const redisPid = Number(/process_id:(\d+)/.exec(info)?.[1]);
  return () => {
    const own = process.cpuUsage();
    return {
      api: cpuSeconds(parts.api),
      worker: cpuSeconds(parts.worker),
      postgres: treeCpu(postmaster),
      redis: cpuSeconds(redisPid),
      bench: (own.user + own.system) / 1e6,
    };
  };
}

/** "api 0.81, worker 1.27, …" ms of CPU per delivery between two samples. */
export function perDelivery(before: CpuSample, after: CpuSample, deliveries: number): string {
  return (Object.keys(before) as (keyof CpuSample)[])
    .map((key) => `${key} ${(((after[key] - before[key]) * 1000) / deliveries).toFixed(2)}`)
    .join(', ');
}
