import { Logger } from '@nestjs/common';

export interface SignalHandling {
  /** The graceful stop; the process exits 0 when it resolves, 1 when it rejects. */
  stop: () => Promise<unknown>;
  /** On a second SIGTERM/SIGINT while stopping, run before exiting 1 (default: exit at once). */
  onSecondSignal?: () => Promise<unknown>;
  /** Told in the log line of the second signal, e.g. "handing back running jobs". */
  secondSignalAction?: string;
}

/**
 * A process entry's SIGTERM/SIGINT handling: the first signal starts the graceful stop and exits with its
 * outcome; a second one (an impatient operator, or the orchestrator's kill after its grace period) exits 1
 * right away, after `onSecondSignal` when given.
 */
export function exitOnSignals(handling: SignalHandling): void {
  const logger = new Logger('Main');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn(`${signal} again: ${handling.secondSignalAction ?? 'exiting'} now`);
      void (handling.onSecondSignal?.() ?? Promise.resolve()).finally(() => process.exit(1));
      return;
    }
    stopping = true;
    logger.log(`${signal} received: shutting down`);
    handling.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
