import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { step } from './log.js';
import { dataDir } from './paths.js';
import { waitUntil } from './proc.js';

/**
 * A record of each service process a run starts (.data/pids/<run pid>-<name>.json), so that a later run can
 * stop what a killed run (SIGKILL, crash of the machine's session) left behind. Services run detached from
 * the terminal's process group and would otherwise live on.
 */
interface ServiceRecord {
  owner: number;
  pid: number;
  name: string;
  signal: NodeJS.Signals;
  /** Files/directories to delete once it is stopped (a throw-away data directory). */
  remove?: string[];
}

const pidsDir = path.join(dataDir, 'pids');

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process still runs the program we started (pids get reused); without /proc, trust the pid. */
function runs(pid: number, name: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(name);
  } catch {
    return !existsSync('/proc');
  }
}

export function recordService(record: Omit<ServiceRecord, 'owner'>): () => void {
  mkdirSync(pidsDir, { recursive: true });
  const file = path.join(pidsDir, `${process.pid}-${record.name}-${record.pid}.json`);
  writeFileSync(file, JSON.stringify({ owner: process.pid, ...record }));
  return () => rmSync(file, { force: true });
}

/** Stops services whose run is gone; returns how many it stopped. */
export async function reapOrphans(): Promise<number> {
  if (!existsSync(pidsDir)) return 0;
  let reaped = 0;
  for (const file of readdirSync(pidsDir).filter((name) => name.endsWith('.json'))) {
    const full = path.join(pidsDir, file);
    let record: ServiceRecord;
    try {
      record = JSON.parse(readFileSync(full, 'utf8')) as ServiceRecord;
    } catch {
      rmSync(full, { force: true });
      continue;
    }
    if (isAlive(record.owner)) continue;
    if (runs(record.pid, record.name)) {
      step(`stopping ${record.name} (pid ${record.pid}) left running by an earlier, killed run`);
      process.kill(record.pid, record.signal);
      await waitUntil(`${record.name} (pid ${record.pid}) to stop`, async () => !isAlive(record.pid), {
        timeoutMs: 30_000,
      });
      reaped++;
    }
    for (const leftover of record.remove ?? []) rmSync(leftover, { recursive: true, force: true });
    rmSync(full, { force: true });
  }
  return reaped;
}
