import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type MetricsRole = 'api' | 'worker';

const FAST = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const SLOW = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

/**
 * The Prometheus registry of one process and every metric the product exports. The names are part of
 * the operations contract (docs/operations.md, docs/runbook.md): rename nothing without updating them.
 * One instance per Nest application, so the API and a worker in the same test process do not mix.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly beforeScrape: (() => Promise<void>)[] = [];

  /** One per sync_repository attempt: status completed | failed | retrying | rate_limited | skipped. */
  readonly syncTotal = new Counter({
    name: 'github_mcp_sync_total',
    help: 'sync_repository job attempts by outcome and direction',
    labelNames: ['status', 'direction'] as const,
    registers: [this.registry],
  });
  readonly syncDuration = new Histogram({
    name: 'github_mcp_sync_duration_seconds',
    help: 'Duration of sync_repository attempts',
    labelNames: ['direction'] as const,
    buckets: SLOW,
    registers: [this.registry],
  });
  /** Processing outcome of webhook events (worker): processed | ignored | failed | retrying. */
  readonly webhookTotal = new Counter({
    name: 'github_mcp_webhook_total',
    help: 'Webhook events processed, by GitHub event type and outcome',
    labelNames: ['event_type', 'status'] as const,
    registers: [this.registry],
  });
  readonly webhookDuration = new Histogram({
    name: 'github_mcp_webhook_processing_duration_seconds',
    help: 'Time to apply one stored webhook event',
    buckets: FAST,
    registers: [this.registry],
  });
  /** Deliveries answered by the API's webhook endpoint, by the status code GitHub saw. */
  readonly webhookDeliveries = new Counter({
    name: 'github_mcp_webhook_deliveries_total',
    help: 'Webhook deliveries received by the API, by event type and HTTP status answered',
    labelNames: ['event_type', 'status_code'] as const,
    registers: [this.registry],
  });
  /** Failed MCP call attempts (each retry counts), by error kind. */
  readonly connectionErrors = new Counter({
    name: 'github_mcp_connection_errors_total',
    help: 'Failed GitHub MCP call attempts by error kind (transient, rate_limited, unauthorized, ...)',
    labelNames: ['kind', 'tool'] as const,
    registers: [this.registry],
  });
  readonly mcpCallDuration = new Histogram({
    name: 'github_mcp_call_duration_seconds',
    help: 'GitHub MCP tool call latency per attempt',
    labelNames: ['tool', 'method', 'outcome'] as const,
    buckets: FAST,
    registers: [this.registry],
  });
  readonly jobsTotal = new Counter({
    name: 'github_mcp_jobs_total',
    help: 'Job attempts by job name and outcome (completed, failed, retrying, delayed)',
    labelNames: ['name', 'status'] as const,
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'github_mcp_job_duration_seconds',
    help: 'Duration of job attempts by job name',
    labelNames: ['name'] as const,
    buckets: SLOW,
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: 'github_mcp_http_requests_total',
    help: 'HTTP requests by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'github_mcp_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: FAST,
    registers: [this.registry],
  });
  /** Filled at scrape time by QueueMetrics. */
  readonly queueJobs = new Gauge({
    name: 'github_mcp_queue_jobs',
    help: 'Jobs in each BullMQ queue by state (waiting, active, delayed, failed, ...)',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });
  readonly queueWorkers = new Gauge({
    name: 'github_mcp_queue_workers',
    help: 'Live BullMQ worker connections per queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });
  /** Sync job change notifications (Redis pub/sub) that could not be published; the sync went on. */
  readonly eventPublishFailures = new Counter({
    name: 'github_mcp_event_publish_failures_total',
    help: 'Sync job change events that could not be published to Redis (live streams missed them)',
    registers: [this.registry],
  });
  readonly scrapeErrors = new Counter({
    name: 'github_mcp_metrics_scrape_errors_total',
    help: 'Scrapes whose queue statistics could not be read (Redis unreachable)',
    registers: [this.registry],
  });

  constructor(readonly role: MetricsRole) {
    this.registry.setDefaultLabels({ service: role });
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text exposition format, queue gauges refreshed first. */
  async render(): Promise<string> {
    await Promise.all(this.beforeScrape.map((refresh) => refresh()));
    return this.registry.metrics();
  }

  /** Registers a refresh that runs before each scrape (must not throw). */
  onScrape(refresh: () => Promise<void>): void {
    this.beforeScrape.push(refresh);
  }
}
