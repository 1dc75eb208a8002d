import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import pino from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '#libs/config';
import { redactDeep, redactText, redactUrl } from './redaction.js';

export type ServiceName = 'api' | 'worker' | 'cli';

export interface LoggingOptions {
  service: ServiceName;
  version?: string;
  /** Where JSON lines go: stdout by default (the CLI logs to stderr and prints its result on stdout). */
  stream?: 'stdout' | 'stderr';
}

/** A caller's X-Request-Id is kept when it looks like an id; anything else gets a fresh UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
/** Probes are not worth a log line per scrape. */
const QUIET_PATHS = /\/(health(\/live)?|metrics)\/?$/;

type Request = IncomingMessage & { ip?: string; originalUrl?: string };

function header(req: Pick<IncomingMessage, 'headers'>, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The id of a request: the caller's `X-Request-Id` (propagated) when it looks like an id, or a new one. */
export function requestIdOf(req: Pick<IncomingMessage, 'headers'>): string {
  const given = header(req, 'x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** requestIdOf, echoed on the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdOf(req);
  res.setHeader('X-Request-Id', id);
  return id;
}

export function path(req: Request): string {
  return (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
}

/** Fields bound to every log line made while handling a request (GitHub's delivery id for webhooks). */
export function requestProps(req: IncomingMessage): Record<string, unknown> {
  const props: Record<string, unknown> = { request_id: req.id };
  const delivery = header(req, 'x-github-delivery');
  const event = header(req, 'x-github-event');
  if (delivery) props.delivery_id = delivery.slice(0, 128);
  if (event) props.github_event = event.slice(0, 64);
  return props;
}

/** The level of a request's log line: error for 5xx (or a thrown error), warn for 4xx, info otherwise. */
export function requestLogLevel(statusCode: number, error?: unknown): 'error' | 'warn' | 'info' {
  return error || statusCode >= 500 ? 'error' : statusCode >= 400 ? 'warn' : 'info';
}

/** pino / pino-http options shared by the API, the worker and the CLI (JSON lines, secrets redacted). */
export function pinoHttpOptions(
  config: Pick<AppConfig, 'logLevel'>,
  options: LoggingOptions,
): Options<Request, ServerResponse> {
  return {
    level: config.logLevel,
    base: {
      service: options.service,
      ...(options.version ? { version: options.version } : {}),
      pid: process.pid,
      hostname: hostname(),
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => redactDeep(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg: unknown) => (typeof arg === 'string' ? redactText(arg) : arg));
        method.apply(this, scrubbed as Parameters<pino.LogFn>);
      },
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    genReqId: (req, res) => requestId(req, res),
    customProps: (req) => requestProps(req),
    customAttributeKeys: { responseTime: 'response_time_ms' },
    autoLogging: { ignore: (req) => QUIET_PATHS.test(path(req)) },
    customLogLevel: (_req, res, error) => requestLogLevel(res.statusCode, error),
    customSuccessMessage: (req, res) => `${req.method} ${path(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${path(req)} ${res.statusCode}`,
    serializers: {
      req: (req: { raw: Request; method: string; url: string }) => ({
        method: req.method,
        url: redactUrl(req.raw.originalUrl ?? req.url),
        remote_address: req.raw.ip ?? req.raw.socket?.remoteAddress,
        user_agent: header(req.raw, 'user-agent'),
      }),
      res: (res: { statusCode: number }) => ({ status_code: res.statusCode }),
    },
  };
}
