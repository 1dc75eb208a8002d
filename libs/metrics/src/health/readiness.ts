import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import {
  type HealthCheckResult,
  HealthCheckService,
  type HealthIndicatorFunction,
  type HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig, integrationEnabled } from '#libs/config';
import { DatabaseHealth } from '#libs/db';
import { JobQueue, QueueName } from '#libs/queue';
import { QueueInspector } from '../queue-inspector.js';
import { APP_VERSION, Lifecycle } from './lifecycle.js';

const CHECK_TIMEOUT_MS = 3000;

/**
 * Queues whose jobs only run while the GitHub integration is on (keys of `QueueName`). With
 * ENABLE_GITHUB_MCP_INTEGRATION=false the worker runs no processor for them, so readiness does not
 * require a live worker there. Every other queue (webhooks, maintenance) always needs one.
 */
const INTEGRATION_QUEUE_KEYS = new Set(['Sync']);

export type HealthStatus = 'ok' | 'error' | 'shutting_down';

export interface HealthBody {
  status: HealthStatus;
  version: string;
  uptime_seconds: number;
  checks: Record<string, Record<string, unknown>>;
}

export interface HealthAnswer {
  httpStatus: 200 | 503;
  body: HealthBody;
}

/** Liveness and readiness bodies `{status, version, uptime_seconds, checks}` computed with terminus. */
@Injectable()
export class Readiness {
  private readonly requiredQueues: ReadonlySet<string>;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: DatabaseHealth,
    private readonly jobs: JobQueue,
    private readonly inspector: QueueInspector,
    private readonly lifecycle: Lifecycle,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const enabled = integrationEnabled(config);
    this.requiredQueues = new Set(
      Object.entries(QueueName)
        .filter(([key]) => enabled || !INTEGRATION_QUEUE_KEYS.has(key))
        .map(([, name]) => name as string),
    );
  }

  /** Liveness: the process answers. No dependency is checked, so a database outage never restarts it. */
  live(): HealthAnswer {
    return { httpStatus: 200, body: this.body('ok', {}) };
  }

  /**
   * Readiness: database and Redis answer, (with `queues`) every queue that needs one has a live worker,
   * plus the caller's own checks. 503 when one is down or the process is shutting down.
   */
  async ready(options: { queues: boolean; extra?: HealthIndicatorFunction[] }): Promise<HealthAnswer> {
    const checks: HealthIndicatorFunction[] = [
      () => this.ping('database', () => this.database.ping()),
      () => this.ping('redis', () => this.jobs.ping()),
      ...(options.queues ? [() => this.queues()] : []),
      ...(options.extra ?? []),
    ];
    let result: HealthCheckResult;
    try {
      result = await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      result = error.getResponse() as HealthCheckResult;
    }
    const status: HealthStatus = this.lifecycle.stopping
      ? 'shutting_down'
      : result.status === 'error' || result.status === 'shutting_down'
        ? 'error'
        : 'ok';
    return {
      httpStatus: status === 'ok' ? 200 : 503,
      body: this.body(status, presentChecks(result.details)),
    };
  }

  private ping(key: string, probe: () => Promise<number>) {
    return this.indicators
      .check(key)
      .attempt(async () => ({ latency_ms: Math.round((await probe()) * 100) / 100 }))
      .withTimeout(CHECK_TIMEOUT_MS);
  }

  private async queues(): Promise<HealthIndicatorResult> {
    const session = this.indicators.check('queues');
    try {
      const snapshot = await withTimeout(this.inspector.snapshot(), CHECK_TIMEOUT_MS);
      const queues = Object.fromEntries(
        snapshot.map(({ queue, counts, workers }) => [
          queue,
          {
            workers,
            workers_required: this.requiredQueues.has(queue),
            waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
          },
        ]),
      );
      const missing = snapshot.filter((s) => s.workers === 0 && this.requiredQueues.has(s.queue));
      if (missing.length === 0) return session.up({ queues });
      return session.down({ queues, error: `no live worker on ${missing.map((s) => s.queue).join(', ')}` });
    } catch (error) {
      return session.down({ error: error instanceof Error ? error.message : String(error) });
    }
  }

  private body(status: HealthStatus, checks: HealthBody['checks']): HealthBody {
    return { status, version: APP_VERSION, uptime_seconds: this.lifecycle.uptimeSeconds(), checks };
  }
}

/** terminus `{status, responseTime, message, ...}` → `{status, error?, ...}` (snake_case, no timing noise). */
function presentChecks(details: HealthIndicatorResult): HealthBody['checks'] {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => {
      const { status, responseTime: _time, message, ...rest } = value as Record<string, unknown>;
      return [key, { status, ...rest, ...(message !== undefined ? { error: message } : {}) }];
    }),
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout of ${ms}ms exceeded`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
