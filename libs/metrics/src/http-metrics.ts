import type { FastifyRequest, onResponseHookHandler } from 'fastify';
import { githubEventLabel } from './github-events.js';
import type { Metrics } from './metrics.js';

/** The route pattern of a request (`/api/workspaces/:slug/…`), never its URL; `unmatched` for a 404. */
function routeOf(req: FastifyRequest): string {
  return req.is404 ? 'unmatched' : (req.routeOptions.url ?? 'unmatched');
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

/** A fastify `onResponse` hook recording every request through recordHttpRequest (webhooks are not served there). */
export function httpMetricsHook(metrics: Metrics): onResponseHookHandler {
  return (req, reply, done) => {
    recordHttpRequest(metrics, {
      method: req.method,
      route: routeOf(req),
      statusCode: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
    done();
  };
}
