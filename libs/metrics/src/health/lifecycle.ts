import { Injectable } from '@nestjs/common';

/** Reported by the health endpoints; bump with releases (package.json `version`). */
export const APP_VERSION = '0.1.0';

/** Where a process is in its life: readiness turns 503 as soon as a graceful shutdown begins. */
@Injectable()
export class Lifecycle {
  readonly startedAt = Date.now();
  private stoppingSince: number | undefined;

  get stopping(): boolean {
    return this.stoppingSince !== undefined;
  }

  private readonly shutdownListeners = new Set<() => void>();

  beginShutdown(): void {
    if (this.stoppingSince !== undefined) return;
    this.stoppingSince = Date.now();
    for (const listener of this.shutdownListeners) listener();
  }

  /** Runs `listener` when the shutdown begins (e.g. to end long-lived streams); returns the removal. */
  onShutdown(listener: () => void): () => void {
    this.shutdownListeners.add(listener);
    return () => this.shutdownListeners.delete(listener);
  }

  uptimeSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 1000);
  }
}
