import { step } from '../../scripts/lib/log.js';
import { type FaultSystem, HOOKS, PROBE_NUMBER } from './system.js';

/** One fault of the table: what it does, how it is put right. */
export interface Fault {
  name: string;
  what: string;
  inject(sys: FaultSystem): Promise<void>;
  clear(sys: FaultSystem): Promise<void>;
  /** How long it lasts at least (seconds); default the run's hold time. */
  holdS?: number;
}

export function faultList(options: { pauseS: number }): Fault[] {
  return [
    {
      name: 'redis_sigkill',
      what: 'Redis killed with SIGKILL (no persistence: queues and locks gone), restarted empty',
      inject: async (sys) => sys.redis.kill('SIGKILL'),
      clear: (sys) => sys.redis.restart(),
    },
    {
      name: 'postgres_stop_immediate',
      what: 'Postgres stopped immediately (SIGQUIT: no checkpoint, crash recovery on start), restarted',
      inject: (sys) => sys.postgres.stop('SIGQUIT'),
      clear: (sys) => sys.postgres.restart(),
    },
    {
      name: 'worker_sigkill',
      what: 'the worker killed with SIGKILL mid-batch (sync page and webhook batches in flight), restarted',
      inject: async (sys) => {
        sys.worker.child.kill('SIGKILL');
      },
      clear: (sys) => sys.restartWorker(),
    },
    {
      name: 'api_sigkill',
      what: 'the API killed with SIGKILL mid-request (deliveries in flight), restarted',
      inject: async (sys) => {
        sys.api.child.kill('SIGKILL');
      },
      clear: (sys) => sys.restartApi(),
    },
    {
      name: 'mcp_502_timeouts',
      what: 'the MCP server answers 40 calls with HTTP 502, and 12 calls only after 4 s (timeout 3 s)',
      inject: async (sys) => {
        sys.sim.faults.add({ mode: 'http_500', status: 502, count: 40 });
        sys.sim.faults.add({ mode: 'latency', latencyMs: 4000, count: 12 });
      },
      clear: async (sys) => sys.sim.faults.clear(),
    },
    {
      name: 'mcp_rate_limit',
      what: 'GitHub answers 3 calls with a rate limit whose reset is 5 s away',
      inject: async (sys) => {
        sys.sim.faults.add({ mode: 'rate_limit', resetInSeconds: 5, count: 3 });
      },
      clear: async (sys) => sys.sim.faults.clear(),
    },
    {
      name: 'postgres_sigstop',
      what: `Postgres paused (SIGSTOP to every server process) for ${options.pauseS} s, then SIGCONT`,
      inject: async (sys) => sys.postgres.signal('SIGSTOP'),
      clear: async (sys) => sys.postgres.signal('SIGCONT'),
      holdS: options.pauseS,
    },
  ];
}

/**
 * Seconds from the end of a fault until the system works end to end again: a change on GitHub (the probe
 * issue's title) reaches the workspace by webhook, the status route answers 200, and bench/big's sync
 * has moved. `progress` reads the sync's counters. NaN when not recovered within `timeoutS`.
 */
export async function recoveryTime(
  sys: FaultSystem,
  label: string,
  progress: () => Promise<number | undefined>,
  timeoutS = 180,
): Promise<number> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const before = await progress();
  const hooks = sys.sim.store.requireRepo(HOOKS.owner, HOOKS.name);
  const probes = new Set<string>();
  let lastProbe = -Infinity;
  const done = { webhook: false, status: false, sync: false };
  while (elapsed() < timeoutS) {
    if (!done.webhook && performance.now() - lastProbe > 1000) {
      const title = `Probe ${label} ${probes.size + 1}`;
      sys.sim.store.updateIssue(hooks, PROBE_NUMBER, { title }, sys.sim.store.ensureUser('mona'));
      probes.add(title);
      lastProbe = performance.now();
    }
    if (!done.webhook) done.webhook = probes.has((await probeTitle(sys)) ?? '');
    if (!done.status) done.status = (await statusCode(sys)) === 200;
    if (!done.sync) {
      const now = await progress();
      done.sync = now !== undefined && before !== undefined && now !== before;
    }
    if (done.webhook && done.status && done.sync) return elapsed();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  step(`${label}: not recovered within ${timeoutS} s (${JSON.stringify(done)})`);
  return NaN;
}

async function probeTitle(sys: FaultSystem): Promise<string | undefined> {
  try {
    const { rows } = await sys.db.query<{ title: string }>(
      `SELECT i.title FROM issues i JOIN github_issue_syncs s ON s.issue_id = i.id
       WHERE i.project_id = $1 AND s.github_number = $2`,
      [sys.projects.hooks, PROBE_NUMBER],
    );
    return rows[0]?.title;
  } catch {
    return undefined;
  }
}

async function statusCode(sys: FaultSystem): Promise<number> {
  try {
    const response = await fetch(`${sys.apiBase}/workspaces/bench/integrations/github-mcp/status/`, {
      headers: { authorization: `Bearer ${sys.token}` },
      signal: AbortSignal.timeout(2000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}
