/** `bench:sync`'s arguments: `[ISSUES [COMMENTS]] [--worker-heap-mb=N] [--worker-node-arg=…] [--no-floor]`. */
export interface SyncBenchArgs {
  issues: number;
  comments: number;
  /** Caps the worker's V8 old space (`--max-old-space-size`): what is left is the live set. */
  workerHeapMb: number | undefined;
  /** Further node options of the worker (`--worker-node-arg=--heapsnapshot-signal=SIGUSR2`, repeatable). */
  workerNodeArgs: string[];
  /** Skip both fetch-floor runs (memory measurements of large repositories). */
  floor: boolean;
}

const USAGE =
  'usage: npm run bench:sync -- [ISSUES [COMMENTS]] [--worker-heap-mb=N] [--worker-node-arg=--…] [--no-floor]';

export function parseSyncBenchArgs(argv: string[]): SyncBenchArgs {
  const counts: number[] = [];
  const args: SyncBenchArgs = {
    issues: 10_000,
    comments: 0,
    workerHeapMb: undefined,
    workerNodeArgs: [],
    floor: true,
  };
  for (const arg of argv) {
    const heap = /^--worker-heap-mb=(\d+)$/.exec(arg);
    if (heap?.[1]) args.workerHeapMb = Number(heap[1]);
    else if (arg.startsWith('--worker-node-arg=--'))
      args.workerNodeArgs.push(arg.slice('--worker-node-arg='.length));
    else if (arg === '--no-floor') args.floor = false;
    else if (/^\d+$/.test(arg) && counts.length < 2) counts.push(Number(arg));
    else throw new Error(`${USAGE} (unexpected "${arg}")`);
  }
  args.issues = counts[0] ?? args.issues;
  args.comments = counts[1] ?? args.issues * 3;
  if (args.workerHeapMb !== undefined) args.workerNodeArgs.push(`--max-old-space-size=${args.workerHeapMb}`);
  if (args.issues < 1) throw new Error(`${USAGE} (ISSUES must be at least 1)`);
  return args;
}
