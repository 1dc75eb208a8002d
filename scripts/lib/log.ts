/** Progress lines of the dev tooling go to stderr so that stdout stays free for a task's own output. */
export function step(message: string): void {
  process.stderr.write(`› ${message}\n`);
}

export function warn(message: string): void {
  process.stderr.write(`! ${message}\n`);
}

/** An expected, user-fixable problem: printed as one sentence, exit code 1, no stack trace. */
export class PrerequisiteError extends Error {
  override readonly name = 'PrerequisiteError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Hides the password of a connection URL for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
