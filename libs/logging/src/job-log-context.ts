import { Injectable } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';

export interface JobIdentity {
  id?: string | undefined;
  name: string;
  attemptsMade: number;
  data: unknown;
}

const snake = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Log fields of a job: `job_id`, `job_name`, `attempt` and the ids of its payload in snake_case
 * (payloads carry ids only: `sync_job_id`, `delivery_id`, …).
 */
export function jobBindings(job: JobIdentity): Record<string, unknown> {
  const bindings: Record<string, unknown> = {
    job_id: job.id,
    job_name: job.name,
    attempt: job.attemptsMade + 1,
  };
  if (job.data && typeof job.data === 'object') {
    for (const [key, value] of Object.entries(job.data)) {
      if (typeof value === 'string' || typeof value === 'number') bindings[snake(key)] ??= value;
    }
  }
  return bindings;
}

/** Runs a job with its ids on every log line made inside it (across awaits, via AsyncLocalStorage). */
@Injectable()
export class JobLogContext {
  constructor(private readonly logger: PinoLogger) {}

  run<T>(job: JobIdentity, fn: () => T): T {
    return this.logger.runInContext(fn, { bindings: jobBindings(job) });
  }
}
