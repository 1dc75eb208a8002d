import type { NextFunction, Request, Response } from 'express';
import { githubEventLabel } from './github-events.js';
import type { Metrics } from './metrics.js';

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
  /**
   * Webhook deliveries only: `X-GitHub-Event` once the signature was verified, or `unverified` (the header
   * of a request that was not verified is the sender's to write, and never a label value).
   */
  webhook?: { verified: true; event: string | string[] | undefined } | { verified: false } | undefined;
}

/**
 * `github_mcp_http_requests_total` / `_duration_seconds` by route pattern, and
 * `github_mcp_webhook_deliveries_total` for webhook deliveries: verified ones by event name from GitHub's
 * fixed set (else `other`), unverified ones as `unverified` — a bounded set of label values.
 */
export function recordHttpRequest(metrics: Metrics, sample: HttpRequestSample): void {
  const status = String(sample.statusCode);
  metrics.httpRequests.inc({ method: sample.method, route: sample.route, status_code: status });
  metrics.httpDuration.observe({ method: sample.method, route: sample.route }, sample.seconds);
  if (sample.webhook) {
    metrics.webhookDeliveries.inc({
      event_type: sample.webhook.verified ? githubEventLabel(first(sample.webhook.event)) : 'unverified',
      status_code: status,
    });
  }
}

function first(value: string | string[] | undefined): string | undefined {
  return (Array.isArray(value) ? value[0] : value)?.trim();
}

/** Express middleware recording every request through recordHttpRequest (webhooks are not served here). */
export function httpMetricsMiddleware(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = performance.now();
    res.once('finish', () => {
      recordHttpRequest(metrics, {
        method: req.method,
        route: routeOf(req),
        statusCode: res.statusCode,
        seconds: (performance.now() - started) / 1000,
      });
    });
    next();
  };
}
