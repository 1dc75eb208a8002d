import { PrerequisiteError, errorMessage, warn } from './log.js';

type Cleanup = () => Promise<void> | void;

const cleanups: { label: string; fn: Cleanup }[] = [];
let cleaning: Promise<void> | undefined;

/** Registers something to undo on exit; cleanups run in reverse order (last started, first stopped). */
export function onCleanup(label: string, fn: Cleanup): void {
  cleanups.push({ label, fn });
}

/** Runs every registered cleanup once; later calls wait for the same run. */
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const { label, fn } = cleanups.pop()!;
      try {
        await fn();
      } catch (error) {
        warn(`cleanup "${label}" failed: ${errorMessage(error)}`);
      }
    }
  })();
  return cleaning;
}

let stopping = false;

/** True once a signal asked the tool to stop: start nothing new. */
export function isStopping(): boolean {
  return stopping;
}

const signalExitCodes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Runs a tool's main function: stops whatever it started on normal exit, on failure and on
 * SIGINT/SIGTERM/SIGHUP; a PrerequisiteError is printed as one sentence (exit 1), anything else with its stack.
 */
export async function runMain(task: () => Promise<number>): Promise<never> {
  let signalled = false;
  for (const signal of Object.keys(signalExitCodes) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      stopping = true;
      warn(`${signal} received, stopping…`);
      void runCleanups().finally(() => process.exit(signalExitCodes[signal]));
    });
  }
  let code: number;
  try {
    code = await task();
  } catch (error) {
    code = 1;
    if (error instanceof PrerequisiteError) process.stderr.write(`✖ ${error.message}\n`);
    else
      process.stderr.write(`✖ ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  await runCleanups();
  if (signalled) await new Promise(() => undefined); // the signal handler exits
  process.exit(code);
}
