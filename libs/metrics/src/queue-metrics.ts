import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Metrics } from './metrics.js';
import { QueueInspector } from './queue-inspector.js';

/** Refreshes `github_mcp_queue_jobs{queue,state}` and `github_mcp_queue_workers{queue}` on each scrape. */
@Injectable()
export class QueueMetrics implements OnModuleInit {
  private readonly logger = new Logger(QueueMetrics.name);

  constructor(
    private readonly metrics: Metrics,
    private readonly inspector: QueueInspector,
  ) {}

  onModuleInit(): void {
    this.metrics.onScrape(() => this.refresh());
  }

  async refresh(): Promise<void> {
    try {
      const snapshot = await this.inspector.snapshot();
      this.metrics.queueJobs.reset();
      this.metrics.queueWorkers.reset();
      for (const { queue, counts, workers } of snapshot) {
        for (const [state, count] of Object.entries(counts))
          this.metrics.queueJobs.set({ queue, state }, count);
        this.metrics.queueWorkers.set({ queue }, workers);
      }
    } catch (error) {
      // Redis is down: the rest of the metrics still answer; stale queue gauges would mislead.
      this.metrics.queueJobs.reset();
      this.metrics.queueWorkers.reset();
      this.metrics.scrapeErrors.inc();
      this.logger.warn(
        `queue statistics unavailable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
