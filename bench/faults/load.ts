import { customEvent } from '../../apps/github-sim/src/index.js';
import { requestSync } from '../support.js';
import { type FaultSystem, HOOKS, LONE, PROBE_NUMBER } from './system.js';

/** Pull request edits are stamped from here on (after every generated timestamp), one second apart. */
const PULL_EPOCH = Date.UTC(2031, 0, 1);

/** What the steady load did (the checks compare the database with it and with the simulator). */
export interface LoadRecord {
  /** Store changes and redeliveries made, by kind. */
  made: Record<string, number>;
  /** Local edits answered 2xx, by the title written; the checks count how often each reached GitHub. */
  localTitles: Set<string>;
  localFailed: number;
  statusPolls: { ok: number; failed: number };
  /** Full syncs of bench/big asked for (the first is the connection's own). */
  bigJobs: string[];
  /** Ticks dropped per loop because the bench's process fell more than 1 s behind (see `every`). */
  skipped: Record<string, number>;
  startedAt: number;
  stoppedAt: number;
}

/** A steady mix: store changes on GitHub (each a signed delivery), local edits, status polls, full syncs. */
export class SteadyLoad {
  readonly record: LoadRecord = {
    made: {},
    localTitles: new Set(),
    localFailed: 0,
    statusPolls: { ok: 0, failed: 0 },
    bigJobs: [],
    skipped: {},
    startedAt: 0,
    stoppedAt: 0,
  };
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private sequence = 0;
  private readonly issueNumbers: number[];
  private readonly pullNumbers: number[];
  private readonly ourComments: number[] = [];

  constructor(
    private readonly sys: FaultSystem,
    private readonly rate: number,
    private readonly twoIssues: string[],
  ) {
    const items = [...(sys.sim.store.repo(HOOKS.owner, HOOKS.name)?.items.values() ?? [])];
    this.issueNumbers = items.filter((i) => !i.pull && i.number !== PROBE_NUMBER).map((i) => i.number);
    this.pullNumbers = items.filter((i) => i.pull).map((i) => i.number);
  }

  start(): void {
    this.record.startedAt = performance.now();
    this.loops.push(this.every('github', 1000 / this.rate, () => this.githubChange()));
    this.loops.push(this.every('local', 1000, () => this.localEdit()));
    this.loops.push(this.every('status', 1000, () => this.pollStatus()));
  }

  /** Stops the loops and waits for the requests in flight; queued deliveries are the dispatcher's. */
  async stop(): Promise<void> {
    this.running = false;
    this.record.stoppedAt = performance.now();
    await Promise.all(this.loops);
  }

  /**
   * Runs `tick` on a fixed schedule (open loop: a slow answer does not slow the load). Behind schedule it
   * still yields to I/O between ticks (a synchronous catch-up loop would starve the dispatcher, the
   * simulator and the probes); more than a second behind, the missed ticks are dropped and counted
   * (`record.skipped`): the bench's own process could not make the load at that rate.
   */
  private async every(name: string, intervalMs: number, tick: () => Promise<void> | void): Promise<void> {
    const started = performance.now();
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; this.running; i++) {
      const wait = started + i * intervalMs - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      else await new Promise((resolve) => setImmediate(resolve));
      if (wait < -1000) {
        const behind = Math.floor(-wait / intervalMs);
        this.record.skipped[name] = (this.record.skipped[name] ?? 0) + behind;
        i += behind;
      }
      const promise = Promise.resolve(tick()).finally(() => inFlight.delete(promise));
      inFlight.add(promise);
    }
    await Promise.all(inFlight);
  }

  private count(kind: string): void {
    this.record.made[kind] = (this.record.made[kind] ?? 0) + 1;
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(Math.random() * list.length)] as T;
  }

  /** One change on GitHub (the dispatcher delivers it) or a redelivery of an earlier delivery. */
  private githubChange(): void {
    const { store } = this.sys.sim;
    const hooks = store.requireRepo(HOOKS.owner, HOOKS.name);
    const actor = store.ensureUser('mona');
    const n = ++this.sequence;
    const roll = Math.random();
    if (roll < 0.05) {
      const earlier = this.sys.hooks.deliveries();
      const record = earlier[Math.floor(Math.random() * earlier.length)];
      if (record) this.sys.hooks.redeliver(record.id);
      this.count('redelivery');
    } else if (roll < 0.08) {
      const lone = store.requireRepo(LONE.owner, LONE.name);
      store.updateIssue(lone, 1 + (n % 10), { title: `Unconnected ${n}` }, actor);
      this.count('unconnected');
    } else if (roll < 0.13) {
      const number = this.pick(this.pullNumbers);
      const payload = customEvent(store, {
        event: 'pull_request',
        action: 'edited',
        repository: `${HOOKS.owner}/${HOOKS.name}`,
        number,
        // A distinct body per delivery (an identical signed body under a new id is a redelivery).
        payload: {
          pull_request: {
            title: `Pull edit ${n}`,
            updated_at: new Date(PULL_EPOCH + n * 1000).toISOString().replace('.000', ''),
          },
        },
      });
      this.sys.hooks.send(payload);
      this.count('pull_request');
    } else if (roll < 0.33) {
      const comment = store.createComment(hooks, this.pick(this.issueNumbers), `Comment ${n}`, actor);
      this.ourComments.push(comment.id);
      this.count('comment_created');
    } else if (roll < 0.38 && this.ourComments.length > 0) {
      store.updateComment(hooks, this.pick(this.ourComments), `Comment edited ${n}`, actor);
      this.count('comment_edited');
    } else if (roll < 0.43) {
      const issue = store.requireRepo(HOOKS.owner, HOOKS.name).items.get(this.pick(this.issueNumbers));
      if (issue) {
        store.updateIssue(hooks, issue.number, { state: issue.state === 'open' ? 'closed' : 'open' }, actor);
      }
      this.count('issue_state');
    } else {
      const number = this.pick(this.issueNumbers);
      store.updateIssue(hooks, number, { title: `Edit ${n}`, body: `Body of edit ${n}` }, actor);
      this.count('issue_edited');
    }
  }

  /** A local edit of a bidirectional repository's issue, round robin (each issue every 20 s). */
  private async localEdit(): Promise<void> {
    const n = ++this.sequence;
    const issueId = this.twoIssues[n % this.twoIssues.length] as string;
    const title = `Local edit ${n}`;
    const path = `/workspaces/bench/projects/${this.sys.projects.two}/issues/${issueId}/`;
    const answer = await this.api('PATCH', path, { title });
    if (answer >= 200 && answer < 300) this.record.localTitles.add(title);
    else this.record.localFailed++;
  }

  private async pollStatus(): Promise<void> {
    const answer = await this.api('GET', '/workspaces/bench/integrations/github-mcp/status/');
    if (answer === 200) this.record.statusPolls.ok++;
    else this.record.statusPolls.failed++;
  }

  async api(method: string, path: string, body?: unknown): Promise<number> {
    try {
      const response = await fetch(this.sys.apiBase + path, {
        method,
        headers: { authorization: `Bearer ${this.sys.token}`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(10_000),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }

  /** Asks for another full sync of bench/big (the previous one finished); false while the API cannot. */
  async nextFullSync(): Promise<boolean> {
    try {
      const jobs = await requestSync(
        { apiBase: this.sys.apiBase, token: this.sys.token },
        { force: true, repository: 'bench/big' },
      );
      this.record.bigJobs.push(...jobs);
      return true;
    } catch {
      return false;
    }
  }
}
