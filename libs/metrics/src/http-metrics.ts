import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.js';

/** GitHub event names are short snake_case words; anything else is not worth a label value. */
const EVENT_NAME = /^[a-z_]{1,40}$/;

function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}

export interface HttpRequestSample {
  method: string;
  /** The route pattern, never the raw URL. */
  route: string;
  statusCode: number;
  seconds: number;
  /** `X-GitHub-Event` of the request, if any. */
  githubEvent?: string | string[] | undefined;
}

/**
 * `github_mcp_http_requests_total` / `_duration_seconds` by route pattern, and
 * `github_mcp_webhook_deliveries_total` for requests carrying `X-GitHub-Event` (event names of rejected
 * deliveries are not trusted as labels).
 */
export function recordHttpRequest(metrics: Metrics, sample: HttpRequestSample): void {
  const status = String(sample.statusCode);
  metrics.httpRequests.inc({ method: sample.method, route: sample.route, status_code: status });
  metrics.httpDuration.observe({ method: sample.method, route: sample.route }, sample.seconds);
  if (typeof sample.githubEvent === 'string') {
    const trusted = sample.statusCode < 400 && EVENT_NAME.test(sample.githubEvent);
    metrics.webhookDeliveries.inc({
      event_type: trusted ? sample.githubEvent : 'unverified',
      status_code: status,
    });
  }
}

/** Express middleware recording every request through recordHttpRequest. */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('finish', () => {
      recordHttpRequest(metrics, {
        method: req.method,
        route: routeOf(req),
        statusCode: res.statusCode,
        seconds: (performance.now() - started) / 1000,
        githubEvent: req.headers['x-github-event'],
      });
    });
    next();
  };
}
