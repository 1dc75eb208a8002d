import { type ChildProcess, spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
import {
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onCleanup } from './lifecycle.js';
import { PrerequisiteError, step } from './log.js';
import { canConnect, query } from './pg.js';
import { aptInstall, capture, freePort, isRoot, stopChild, waitUntil, which } from './proc.js';
import { isAlive, recordService } from './orphans.js';
import { dataDir } from './paths.js';

/** A Postgres server started by this tool: `adminUrl` points at its `postgres` database. */
export interface LocalPostgres {
  adminUrl: string;
  port: number;
  dataDirectory: string;
  /** Signals every process of the server (SIGSTOP/SIGCONT: a paused server); for bench/faults.ts. */
  signal(signal: NodeJS.Signals): void;
  /** Stops the server with a shutdown signal (SIGQUIT: immediate, SIGINT: fast) and waits for its exit. */
  stop(signal: NodeJS.Signals): Promise<void>;
  /** Starts the stopped server again on the same port and data directory (crash recovery if needed). */
  restart(): Promise<void>;
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

function findBinDir(): string | undefined {
  const initdb = which('initdb');
  if (initdb && which('postgres', [path.dirname(initdb)])) return path.dirname(initdb);
  const debianRoot = '/usr/lib/postgresql';
  if (!existsSync(debianRoot)) return undefined;
  const versions = readdirSync(debianRoot)
    .filter((v) => existsSync(path.join(debianRoot, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(debianRoot, versions[0], 'bin') : undefined;
}

async function postgresBinDir(): Promise<string> {
  const found = findBinDir();
  if (found) return found;
  if (await aptInstall(['postgresql'])) {
    const installed = findBinDir();
    if (installed) return installed;
  }
  throw new PrerequisiteError(
    'PostgreSQL server binaries (initdb, postgres) were not found: install PostgreSQL 13+ ' +
      '(Debian/Ubuntu: sudo apt-get install postgresql) or set DATABASE_URL to a server you can create databases on.',
  );
}

/** Postgres refuses to run as root: then run it as the `postgres` system user (or `nobody`). */
function runAsUser(): RunAs | undefined {
  if (!isRoot()) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(':');
    if (fields?.[2] && fields[3]) return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new PrerequisiteError(
    'Running as root but there is no "postgres" or "nobody" user to run Postgres as.',
  );
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Picks the data directory: `.data/pg` (kept between runs) unless another live run owns it, in which
 * case a throw-away `.data/pg-<pid>`. A server left behind by a killed run (owner dead) is stopped first.
 */
async function claimDataDir(): Promise<{ dir: string; ephemeral: boolean; release(): void }> {
  mkdirSync(dataDir, { recursive: true });
  const dir = path.join(dataDir, 'pg');
  const ownerFile = `${dir}.owner`;
  const release = (): void => {
    if (readPid(ownerFile) === process.pid) rmSync(ownerFile, { force: true });
  };
  try {
    closeSync(openSync(ownerFile, 'wx'));
  } catch {
    const owner = readPid(ownerFile);
    if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
      const own = `${dir}-${process.pid}`;
      const remove = (): void =>
        ['', '.log'].forEach((ext) => rmSync(own + ext, { recursive: true, force: true }));
      return { dir: own, ephemeral: true, release: remove };
    }
    const orphan = readPid(path.join(dir, 'postmaster.pid'));
    if (orphan !== undefined && isAlive(orphan)) {
      step(`stopping the Postgres server left running by an earlier run (pid ${orphan})`);
      process.kill(orphan, 'SIGINT');
      await waitUntil('the old Postgres server', async () => !isAlive(orphan), { timeoutMs: 30_000 });
    }
  }
  writeFileSync(ownerFile, `${process.pid}\n`);
  return { dir, ephemeral: false, release };
}

function prepareDir(dir: string, runAs: RunAs | undefined): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
}

function socketDirFor(port: number, runAs: RunAs | undefined): string {
  let dir = path.join(dataDir, 'run');
  if (`${dir}/.s.PGSQL.${port}.lock`.length > 100) dir = path.join(os.tmpdir(), 'gms-pg-run');
  prepareDir(dir, runAs);
  return dir;
}

/**
 * Starts a private Postgres on a free loopback port (trust auth), stopped by the tool's cleanup. Durability
 * is off (a disposable dev/test server) unless `durable`: then every commit is flushed to disk (fsync,
 * synchronous_commit and full_page_writes at their defaults), as in production.
 */
export async function startLocalPostgres(options: { durable?: boolean } = {}): Promise<LocalPostgres> {
  const binDir = await postgresBinDir();
  const runAs = runAsUser();
  const claim = await claimDataDir();
  const { dir } = claim;
  const owner: SpawnOptions = runAs ? { uid: runAs.uid, gid: runAs.gid } : {};
  const logFile = `${dir}.log`;
  try {
    prepareDir(dir, runAs);
    if (runAs && (await capture('test', ['-w', dir], owner)).code !== 0) {
      throw new PrerequisiteError(
        `The "${runAs.name}" user cannot write to ${dir} (a parent directory is not accessible to it); ` +
          'run as a non-root user or set DATABASE_URL.',
      );
    }
    if (!existsSync(path.join(dir, 'PG_VERSION'))) {
      step(`initialising a Postgres cluster in ${path.relative(process.cwd(), dir) || dir}`);
      const args = ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'];
      const init = await capture(path.join(binDir, 'initdb'), args, owner);
      if (init.code !== 0) throw new Error(`initdb failed:\n${init.stdout}${init.stderr}`);
    }
  } catch (error) {
    claim.release();
    throw error;
  }
  const port = await freePort();
  // A disposable dev/test server: durability off, quiet log, room for parallel test workers.
  const settings = options.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  settings.push('max_connections=200');
  settings.push('listen_addresses=127.0.0.1', 'log_min_messages=warning');
  const args = ['-D', dir, '-p', String(port), '-k', socketDirFor(port, runAs)];
  args.push(...settings.flatMap((setting) => ['-c', setting]));
  const remove = claim.ephemeral ? [dir, logFile] : [];
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let child: ChildProcess | undefined;
  let forget = (): void => undefined;
  const launch = async (flags: 'w' | 'a'): Promise<void> => {
    const log = openSync(logFile, flags);
    if (runAs) chownSync(logFile, runAs.uid, runAs.gid);
    const started = spawn(path.join(binDir, 'postgres'), args, {
      ...owner,
      detached: true,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    child = started;
    forget();
    forget = recordService({ name: 'postgres', pid: started.pid ?? 0, signal: 'SIGINT', remove });
    await waitUntil('Postgres', () => canConnect(adminUrl), {
      timeoutMs: 60_000,
      child: started,
      output: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : ''),
    });
  };
  onCleanup('postgres', async () => {
    if (child) {
      process.kill(-(child.pid ?? 0), 'SIGCONT'); // a paused server (fault benchmark) cannot shut down
      await stopChild(child, 'SIGINT', 30_000); // fast shutdown
    }
    claim.release();
    forget();
  });
  await launch('w');
  const [version] = await query<{ server_version: string }>(adminUrl, 'SHOW server_version');
  const where = claim.ephemeral ? 'throw-away data directory' : path.relative(process.cwd(), dir) || dir;
  step(`Postgres ${version?.server_version ?? ''} started on 127.0.0.1:${port} (${where})`);
  return {
    adminUrl,
    port,
    dataDirectory: dir,
    signal: (signal) => {
      if (child?.pid) process.kill(-child.pid, signal);
    },
    stop: async (signal) => {
      if (child) await stopChild(child, signal, 30_000);
    },
    restart: () => launch('a'),
  };
}
