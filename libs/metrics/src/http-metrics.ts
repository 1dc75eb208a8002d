import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from './metrics.js';

/** GitHub event names are short snake_case words; anything else is not worth a label value. */
const EVENT_NAME = /^[a-z_]{1,40}$/;

function routeOf(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  return typeof route?.path === 'string' ? `${req.baseUrl}${route.path}` : 'unmatched';
}

/**
 * Express middleware: `github_mcp_http_requests_total` / `_duration_seconds` by route pattern (never
 * the raw URL, so ids do not explode the label space), and `github_mcp_webhook_deliveries_total` for
 * requests carrying `X-GitHub-Event` (event names of rejected deliveries are not trusted as labels).
 */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('finish', () => {
      const route = routeOf(req);
      const status = String(res.statusCode);
      metrics.httpRequests.inc({ method: req.method, route, status_code: status });
      metrics.httpDuration.observe({ method: req.method, route }, (performance.now() - started) / 1000);
      const event = req.headers['x-github-event'];
      if (typeof event === 'string') {
        const trusted = res.statusCode < 400 && EVENT_NAME.test(event);
        metrics.webhookDeliveries.inc({ event_type: trusted ? event : 'unverified', status_code: status });
      }
    });
    next();
  };
}
