import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Lifecycle } from './health/lifecycle.js';
import { Readiness } from './health/readiness.js';
import { JobMetrics } from './job-metrics.js';
import { Metrics, type MetricsRole } from './metrics.js';
import { QueueInspector } from './queue-inspector.js';
import { QueueMetrics } from './queue-metrics.js';

/**
 * Metrics and health of one process (global): the Prometheus registry, queue statistics, job outcome
 * metrics, the lifecycle flag and terminus-based readiness. Needs ConfigModule, DbModule and QueueModule.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(role: MetricsRole): DynamicModule {
    return {
      module: MetricsModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      providers: [
        { provide: Metrics, useFactory: () => new Metrics(role) },
        QueueInspector,
        QueueMetrics,
        JobMetrics,
        Lifecycle,
        Readiness,
      ],
      exports: [Metrics, QueueInspector, JobMetrics, Lifecycle, Readiness, TerminusModule],
    };
  }
}
