import type { IncomingMessage, ServerResponse } from 'node:http';
import { PinoLogger } from 'nestjs-pino';
import { path, requestId, requestLogLevel, requestProps } from './logger-options.js';

export interface RequestLog {
  /** Call when the answer has been written: one JSON line shaped like pino-http's request lines. */
  done(statusCode: number): void;
}

/**
 * Request logging for a route served outside Nest and fastify (the webhook route): the same request id
 * (`X-Request-Id`, echoed), bound fields (`delivery_id`, `github_event`) and line as pino-http writes
 * for every other route — `{req, res, response_time_ms, msg: "POST /path 202"}` at info/warn/error by
 * status — on the process's root logger, so redaction and base fields are the same. Costs nothing when
 * the line's level is disabled.
 */
export function startRequestLog(
  req: IncomingMessage,
  res: ServerResponse,
  remoteAddress: string | undefined,
): RequestLog {
  const started = performance.now();
  req.id = requestId(req, res);
  return {
    done(statusCode) {
      const logger = PinoLogger.root;
      const level = requestLogLevel(statusCode);
      if (!logger?.isLevelEnabled(level)) return;
      // The root logger's req/res serializers (pinoHttpOptions) shape these as on every other line.
      (req as IncomingMessage & { ip?: string | undefined }).ip = remoteAddress;
      logger[level](
        { ...requestProps(req), req, res, response_time_ms: Math.round(performance.now() - started) },
        `${req.method} ${path(req)} ${statusCode}`,
      );
    },
  };
}
