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

  beginShutdown(): void {
    this.stoppingSince ??= Date.now();
  }

  uptimeSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 1000);
  }
}
