import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, UnsupportedMediaTypeException } from '@nestjs/common';
import { UnavailableError } from '#libs/common';
import type { AppConfig } from '#libs/config';
import { startRequestLog } from '#libs/logging';
import { type Lifecycle, type Metrics, recordHttpRequest } from '#libs/metrics';
import { WEBHOOK_MAX_BODY_BYTES, type WebhookIngestionService } from '#libs/webhooks';
import { errorAnswer } from '../http/error-response.js';
import { clientAddress, proxyTrust } from '../http/proxy-trust.js';
import { readBody } from './read-body.js';

/** Where GitHub delivers (relative to the API prefix). */
export const WEBHOOK_PATH = 'webhooks/github-mcp';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export interface WebhookRouteDeps {
  config: Pick<AppConfig, 'trustProxy'> & {
    api: Pick<AppConfig['api'], 'prefix'>;
    webhooks: Pick<AppConfig['webhooks'], 'maxUnverifiedBodies'>;
  };
  ingestion: WebhookIngestionService;
  metrics: Metrics;
  lifecycle: Lifecycle;
}

/** Handles the request and returns true when it is a webhook delivery; false leaves it to the app. */
export type RawRoute = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * `POST /{prefix}/webhooks/github-mcp/`, served straight from node:http, ahead of fastify and Nest's
 * pipeline (guards, interceptors, pipes): GitHub's deliveries are the API's hottest path and need none of
 * it — they are public, authenticated by their signature over the raw body, exempt from rate limits and
 * idempotency keys. What other routes get is kept: the `{error: {code, message}}` answers of the one
 * error mapping (errorAnswer), the request log line with request and delivery ids, the HTTP and delivery
 * metrics, and `Connection: close` while stopping. 202 `{status: "queued", delivery_id}` once committed;
 * 200 `{status: "duplicate"}` for a known delivery id; 400/401/413/415/503 as documented in OpenAPI.
 */
export function webhookRoute(deps: WebhookRouteDeps): RawRoute {
  const route = `${deps.config.api.prefix ? `/${deps.config.api.prefix}` : ''}/${WEBHOOK_PATH}`;
  const paths = new Set([route, `${route}/`].map((p) => p.toLowerCase()));
  const logger = new Logger('WebhookRoute');
  const unverified = { inFlight: 0, max: deps.config.webhooks.maxUnverifiedBodies };
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    if (!paths.has((query === -1 ? url : url.slice(0, query)).toLowerCase())) return false;
    void serve(req, res, deps, route, logger, unverified);
    return true;
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  deps: WebhookRouteDeps,
  route: string,
  logger: Logger,
  unverified: { inFlight: number; max: number },
): Promise<void> {
  const started = performance.now();
  const log = startRequestLog(
    req,
    res,
    clientAddress(
      req.socket.remoteAddress,
      req.headers['x-forwarded-for'],
      proxyTrust(deps.config.trustProxy),
    ),
  );
  let status: number;
  let body: unknown;
  let verified = false;
  // Bodies read before their signature is checked are bounded (WEBHOOK_MAX_UNVERIFIED_BODIES): over it the
  // request is refused before its body is read. The permit is held until the signature is verified.
  let permit = unverified.inFlight < unverified.max;
  const shed = !permit; // a planned 503: its request log line says enough, no error with a stack per request
  const release = () => {
    if (permit) unverified.inFlight -= 1;
    permit = false;
  };
  if (permit) unverified.inFlight += 1;
  try {
    if (!permit) {
      res.setHeader('Connection', 'close');
      throw new UnavailableError('too many webhook deliveries are being verified at once; retry shortly');
    }
    const hasher = deps.ingestion.hasher();
    const chunks = await readBody(req, WEBHOOK_MAX_BODY_BYTES, (chunk) => hasher.update(chunk));
    const type = req.headers['content-type'] ?? '';
    if (!JSON_TYPE.test(type)) {
      throw new UnsupportedMediaTypeException(
        `content type must be application/json (got ${type ? `"${type.slice(0, 100)}"` : 'none'})`,
      );
    }
    const result = await deps.ingestion.ingest({
      headers: req.headers,
      body: chunks,
      hasher,
      onVerified: () => {
        verified = true;
        release();
      },
    });
    status = result.status === 'duplicate' ? 200 : 202;
    body = { status: result.status, delivery_id: result.deliveryId };
  } catch (error) {
    const answer = errorAnswer(error);
    if (answer.status >= 500 && !shed)
      logger.error(describe(error), error instanceof Error ? error.stack : undefined);
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    status = answer.status;
    body = answer.body;
  } finally {
    release();
  }
  const json = JSON.stringify(body);
  if (deps.lifecycle.stopping) res.setHeader('Connection', 'close');
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
  log.done(status);
  recordHttpRequest(deps.metrics, {
    method: 'POST',
    route,
    statusCode: status,
    seconds: (performance.now() - started) / 1000,
    webhook: verified ? { verified: true, event: req.headers['x-github-event'] } : { verified: false },
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
