export { type HttpRequestSample, httpMetricsMiddleware, recordHttpRequest } from './http-metrics.js';
export { type JobAttempt, type JobAttemptStatus, JobMetrics } from './job-metrics.js';
export { mcpCallRecorder } from './mcp-metrics.js';
export { Metrics, type MetricsRole } from './metrics.js';
export { MetricsModule } from './metrics.module.js';
export { QUEUE_STATES, QueueInspector, type QueueSnapshot } from './queue-inspector.js';
export { QueueMetrics } from './queue-metrics.js';
export { APP_VERSION, Lifecycle } from './health/lifecycle.js';
export { type HealthAnswer, type HealthBody, type HealthStatus, Readiness } from './health/readiness.js';
